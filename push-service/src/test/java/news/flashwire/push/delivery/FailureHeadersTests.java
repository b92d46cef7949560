package news.flashwire.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.kafka.common.header.Headers;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.listener.ListenerExecutionFailedException;

class FailureHeadersTests {

	@Test
	void carryTheDeliverysOwnFailureOutOfTheListenersWrapper() {
		Headers headers = FailureHeaders.of(new ListenerExecutionFailedException(
				"Async Fail\nEndpoint handler details:\nMethod [deliver]", new DeliveryFailure("webhook answered 503")), true);

		assertThat(FailureHeaders.reason(headers.lastHeader(FailureHeaders.REASON).value()))
			.isEqualTo("webhook answered 503");
		assertThat(FailureHeaders.isTrue(headers.lastHeader(FailureHeaders.EXPIRED).value())).isFalse();
		assertThat(FailureHeaders.isTrue(headers.lastHeader(FailureHeaders.AFTER_FAILURES).value())).isTrue();
	}

	@Test
	void tellAnExpiredDeliveryFromAFailedOne() {
		Headers expired = FailureHeaders.of(new ListenerExecutionFailedException("Async Fail",
				new IllegalStateException("wrapped", new DeliveryExpired("expired"))), true);
		Headers refused = FailureHeaders.of(new PermanentDeliveryFailure("webhook answered 410"), false);

		assertThat(FailureHeaders.isTrue(expired.lastHeader(FailureHeaders.EXPIRED).value())).isTrue();
		assertThat(FailureHeaders.reason(expired.lastHeader(FailureHeaders.REASON).value())).isEqualTo("expired");
		assertThat(FailureHeaders.isTrue(refused.lastHeader(FailureHeaders.EXPIRED).value())).isFalse();
	}

	@Test
	void readAMissingHeaderAsAFailureWithoutReason() {
		assertThat(FailureHeaders.reason(null)).isEqualTo("failed");
		assertThat(FailureHeaders.isTrue(null)).isFalse();
	}
}

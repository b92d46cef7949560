package news.flashwire.push.delivery;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer.SingleRecordHeader;

/**
 * Why a delivery failed, in headers of the record that carries it on to a retry topic or the dead letters, written the
 * same way by the fan-out's first attempt and by the retry topics: the failure's own message (not the listener's
 * wrapper around it) and whether the delivery only expired. A later hop replaces an earlier hop's headers.
 */
final class FailureHeaders {

	static final String REASON = "flashwire_failure";

	static final String EXPIRED = "flashwire_expired";

	/** Set by the retry topics: the receiver failed the delivery at least once before it ended here. */
	static final String AFTER_FAILURES = "flashwire_after_failures";

	private FailureHeaders() {
	}

	static Headers of(Throwable failure, boolean afterFailures) {
		Throwable cause = ownCause(failure);
		Headers headers = new RecordHeaders();
		headers.add(new SingleRecordHeader(REASON, bytes(String.valueOf(cause.getMessage()))));
		headers.add(new SingleRecordHeader(EXPIRED, bytes(Boolean.toString(cause instanceof DeliveryExpired))));
		headers.add(new SingleRecordHeader(AFTER_FAILURES, bytes(Boolean.toString(afterFailures))));
		return headers;
	}

	static String reason(byte @Nullable [] header) {
		return header == null ? "failed" : new String(header, StandardCharsets.UTF_8);
	}

	static boolean isTrue(byte @Nullable [] header) {
		return header != null && Boolean.parseBoolean(new String(header, StandardCharsets.UTF_8));
	}

	/** The first of our own failures in the chain, else its root: listener containers wrap what a listener threw. */
	private static Throwable ownCause(Throwable failure) {
		Throwable current = failure;
		while (true) {
			if (current instanceof DeliveryFailure || current instanceof PermanentDeliveryFailure
					|| current.getCause() == null || current.getCause() == current) {
				return current;
			}
			current = current.getCause();
		}
	}

	private static byte[] bytes(String value) {
		return value.getBytes(StandardCharsets.UTF_8);
	}
}

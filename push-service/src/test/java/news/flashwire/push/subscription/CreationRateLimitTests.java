package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatNoException;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;

class CreationRateLimitTests {

	private final CreationRateLimit limit = new CreationRateLimit(2,
			Clock.fixed(Instant.parse("2026-11-29T10:00:15Z"), ZoneOffset.UTC));

	@Test
	void answers429WithRetryAfterOnceAnAddressExceedsItsMinute() {
		limit.acquire("203.0.113.7");
		limit.acquire("203.0.113.7");

		TooManySubscriptions refused = catchThrowableOfType(TooManySubscriptions.class, () -> limit.acquire("203.0.113.7"));

		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.TOO_MANY_REQUESTS);
		assertThat(refused.getHeaders().getFirst("Retry-After")).isEqualTo("45");
		assertThatNoException().isThrownBy(() -> limit.acquire("198.51.100.1"));
	}

	@Test
	void roundsRetryAfterUpSoAClientThatWaitsAsToldIsServed() {
		CreationRateLimit late = new CreationRateLimit(1,
				Clock.fixed(Instant.parse("2026-11-29T10:00:58.500Z"), ZoneOffset.UTC));
		late.acquire("203.0.113.7");

		TooManySubscriptions refused = catchThrowableOfType(TooManySubscriptions.class, () -> late.acquire("203.0.113.7"));

		assertThat(refused.getHeaders().getFirst("Retry-After")).as("1.5 s left in the minute").isEqualTo("2");
	}
}

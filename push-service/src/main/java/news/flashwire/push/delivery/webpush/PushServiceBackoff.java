package news.flashwire.push.delivery.webpush;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** A push service's 429 Retry-After, honoured for that whole push service (its origin), not one subscription. */
@Component
class PushServiceBackoff {

	private static final Duration DEFAULT_WAIT = Duration.ofSeconds(60);

	private final Map<String, Instant> blockedUntil = new ConcurrentHashMap<>();

	private final Clock clock;

	@Autowired
	PushServiceBackoff() {
		this(Clock.systemUTC());
	}

	PushServiceBackoff(Clock clock) {
		this.clock = clock;
	}

	/** How long the push service asked us to wait still, or zero. */
	Duration remainingWait(String origin) {
		Instant until = blockedUntil.get(origin);
		Instant now = clock.instant();
		return until != null && now.isBefore(until) ? Duration.between(now, until) : Duration.ZERO;
	}

	void tooManyRequests(String origin, @Nullable String retryAfter) {
		blockedUntil.put(origin, clock.instant().plus(wait(retryAfter)));
	}

	private Duration wait(@Nullable String retryAfter) {
		if (retryAfter == null || retryAfter.isBlank()) {
			return DEFAULT_WAIT;
		}
		try {
			return Duration.ofSeconds(Math.max(0, Long.parseLong(retryAfter.strip())));
		}
		catch (NumberFormatException notSeconds) {
			try {
				Instant at = ZonedDateTime.parse(retryAfter.strip(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
				return Duration.between(clock.instant(), at).isNegative() ? Duration.ZERO
						: Duration.between(clock.instant(), at);
			}
			catch (DateTimeParseException ex) {
				return DEFAULT_WAIT;
			}
		}
	}
}

package news.flashwire.ingest.newsroom;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long, and how many, {@code Idempotency-Key}s of newsroom posts this instance remembers with their item and
 * answer.
 */
@ConfigurationProperties("flashwire.ingest.newsroom.idempotency-keys")
record IdempotencySettings(@DefaultValue("24h") Duration keptFor, @DefaultValue("10000") int maxKeys) {

	IdempotencySettings {
		if (keptFor.isNegative() || keptFor.isZero() || maxKeys < 1) {
			throw new IllegalArgumentException("idempotency keys need a positive kept-for and max-keys");
		}
	}
}

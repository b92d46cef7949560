package news.flashwire.push.audit;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What happened to deliveries of one alert, as recorded on the outcomes topic (keyed by the alert's delivery id).
 *
 * @param count how many deliveries this is about (a fan-out records all the matches of a partition at once)
 */
public record DeliveryOutcome(String alertId, Stage stage, int count, @Nullable String subscriptionId, String channel,
		Instant at, @Nullable String detail) {

	/** The stages a delivery goes through. */
	public enum Stage {

		MATCHED, DELIVERED, RETRIED, FAILED, EXPIRED, REMOVED
	}

	public DeliveryOutcome {
		Objects.requireNonNull(alertId, "alertId is required");
		Objects.requireNonNull(stage, "stage is required");
		Objects.requireNonNull(channel, "channel is required");
		Objects.requireNonNull(at, "at is required");
	}
}

package news.flashwire.push.audit;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/**
 * What happened to deliveries of one alert, as recorded on the outcomes topic (keyed by the alert's delivery id).
 *
 * @param count how many deliveries this is about (a fan-out records all the matches of a partition at once)
 * @param subscriptionId the one subscription this is about, if it is about one
 * @param at when it happened (for a batch: the latest of its subscribers')
 * @param subscribers a batch of subscriptions that reached the same stage of the same alert, each with its own time
 * (then {@code subscriptionId} is null and {@code count} is their number)
 */
public record DeliveryOutcome(String alertId, Stage stage, int count, @Nullable String subscriptionId, String channel,
		Instant at, @Nullable String detail, @Nullable List<Subscriber> subscribers) {

	/** One subscription of a batch, and when its delivery reached the batch's stage. */
	public record Subscriber(String id, Instant at) {
	}

	/** The stages a delivery goes through. */
	public enum Stage {

		MATCHED, DELIVERED, RETRIED, FAILED, EXPIRED, REMOVED
	}

	public DeliveryOutcome {
		Objects.requireNonNull(alertId, "alertId is required");
		Objects.requireNonNull(stage, "stage is required");
		Objects.requireNonNull(channel, "channel is required");
		Objects.requireNonNull(at, "at is required");
		subscribers = subscribers == null ? null : List.copyOf(subscribers);
	}

	/** The outcome of one subscription's delivery, or of a stage reached by many at once ({@code MATCHED}). */
	public DeliveryOutcome(String alertId, Stage stage, int count, @Nullable String subscriptionId, String channel,
			Instant at, @Nullable String detail) {
		this(alertId, stage, count, subscriptionId, channel, at, detail, null);
	}

	/** The subscriptions this is about, each with its time: the batch's, the one subscription, or none. */
	public List<Subscriber> bySubscriber() {
		if (subscribers != null) {
			return subscribers;
		}
		return subscriptionId == null ? List.of() : List.of(new Subscriber(subscriptionId, at));
	}

	/** The earliest time of this outcome (a batch's first subscriber's). */
	Instant firstAt() {
		Instant first = at;
		for (Subscriber subscriber : bySubscriber()) {
			if (subscriber.at().isBefore(first)) {
				first = subscriber.at();
			}
		}
		return first;
	}
}

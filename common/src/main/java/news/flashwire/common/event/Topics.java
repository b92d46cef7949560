package news.flashwire.common.event;

import java.util.List;

/** Every Kafka topic of the system and what its records are keyed by. */
public final class Topics {

	/** {@code StoryEvent}s keyed by story id: all versions of a story in one partition, in order. Compacted. */
	public static final String STORIES = "flashwire.stories";

	/** {@code TickerChange}s keyed by edition: one edition, one partition, so a position is the same everywhere. */
	public static final String TICKER = "flashwire.ticker";

	/** {@code Alert}s keyed by story id: urgent items for push-service. */
	public static final String ALERTS = "flashwire.alerts";

	/** Subscriptions keyed by subscription id; compacted, a deleted subscription is a tombstone. */
	public static final String SUBSCRIPTIONS = "flashwire.subscriptions";

	/**
	 * push-service's delivery work: one record per (alert, subscriber) whose first attempt failed (or a redelivered
	 * dead letter), keyed by subscription id, consumed by the {@code push-deliveries} group with offsets committed
	 * after delivery.
	 */
	public static final String DELIVERIES = "flashwire.deliveries";

	/**
	 * push-service's fan-out progress: one marker per (alert, subscriptions partition), written to that same
	 * partition number once every delivery of the alert for that partition was made or is on {@link #DELIVERIES} or
	 * its dead letters.
	 */
	public static final String FANOUT = "flashwire.fanout";

	/** push-service's delivery outcomes (matched, delivered, retried, failed, expired, removed), keyed by alert. */
	public static final String DELIVERY_OUTCOMES = "flashwire.delivery-outcomes";

	/**
	 * ingest-service's embargoed stories, keyed by story id, until they are released or killed; compacted, a release
	 * or a kill leaves a tombstone. Never read by ticker or push.
	 */
	public static final String HELD = "flashwire.held";

	/** Records that could not be read, beside the topic they came from, in the same partition. */
	public static String deadLetters(String topic) {
		return topic + "-dlt";
	}

	public static final List<String> ALL = List.of(STORIES, TICKER, ALERTS, SUBSCRIPTIONS);

	private Topics() {
	}
}

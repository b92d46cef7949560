package news.flashwire.push.alert;

import java.time.Instant;

/**
 * The marker that every delivery of an alert to one subscriptions partition was made, or handed to Kafka for a retry
 * or the dead letters.
 */
record FanOutDone(String alertId, int partition, int deliveries, Instant at) {
}

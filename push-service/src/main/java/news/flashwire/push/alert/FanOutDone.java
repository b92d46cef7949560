package news.flashwire.push.alert;

import java.time.Instant;

/** The marker that an alert's deliveries for one subscriptions partition are all on the deliveries topic. */
record FanOutDone(String alertId, int partition, int deliveries, Instant at) {
}

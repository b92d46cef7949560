package news.flashwire.push.alert;

import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.Topics;
import news.flashwire.push.subscription.SubscriptionStore;

/**
 * Every push instance reads every alert (all partitions, no consumer group), from when it started, and fans it out
 * to the subscriptions partitions it owns and has loaded; partitions it is still loading, or gains later, are
 * caught up by {@link FanOutRecovery}.
 */
@Component
class AlertListener implements ConsumerSeekAware {

	private final long startedAt = System.currentTimeMillis();

	private final SubscriptionStore subscriptions;

	private final FanOut fanOut;

	AlertListener(SubscriptionStore subscriptions, FanOut fanOut) {
		this.subscriptions = subscriptions;
		this.fanOut = fanOut;
	}

	@KafkaListener(id = "push-alerts", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Topics.ALERTS,
					partitions = "#{'0-' + (${flashwire.topics.partitions} - 1)}"),
			properties = { "spring.deserializer.value.delegate.class=news.flashwire.common.alert.AlertDeserializer",
					"auto.offset.reset=latest" })
	void on(Alert alert) {
		subscriptions.loadedPartitions().forEach(partition -> fanOut.expand(alert, partition));
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), startedAt);
	}
}

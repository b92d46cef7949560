package news.flashwire.push.alert;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.Topics;
import news.flashwire.push.subscription.SubscriptionStore;

/**
 * Every push instance reads every alert (all partitions, no consumer group), from when it started, and fans it out
 * to the subscriptions partitions it owns and has loaded; partitions it is still loading, or gains later, are
 * caught up by {@link FanOutRecovery}. A listener stopped and started again goes on where it stopped, never again
 * from the instance's start.
 */
@Component
class AlertListener implements ConsumerSeekAware {

	private final long startedAt = System.currentTimeMillis();

	private final Map<Integer, Long> nextOffsets = new ConcurrentHashMap<>();

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
	void on(Alert alert, @Header(KafkaHeaders.RECEIVED_PARTITION) int partition, @Header(KafkaHeaders.OFFSET) long offset) {
		subscriptions.loadedPartitions().forEach(owned -> fanOut.expand(alert, owned));
		nextOffsets.put(partition, offset + 1);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		for (TopicPartition partition : assignments.keySet()) {
			Long next = nextOffsets.get(partition.partition());
			if (next != null) {
				callback.seek(partition.topic(), partition.partition(), next);
			}
			else {
				callback.seekToTimestamp(partition.topic(), partition.partition(), startedAt);
			}
		}
	}
}

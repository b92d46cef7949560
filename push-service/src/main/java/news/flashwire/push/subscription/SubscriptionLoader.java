package news.flashwire.push.subscription;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;

/**
 * Owns subscriptions through the consumer group: on assignment it reads its partitions of the compacted topic from
 * the start into the store, and forgets partitions it loses to another instance. Ready once assigned.
 */
@Component("subscriptionsAssigned")
class SubscriptionLoader extends AbstractHealthIndicator implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionLoader.class);

	private final SubscriptionStore store;

	private volatile boolean assigned;

	SubscriptionLoader(SubscriptionStore store) {
		super("Subscription partitions not assigned");
		this.store = store;
	}

	@KafkaListener(id = "push-subscriptions", groupId = "push-subscriptions", topics = Topics.SUBSCRIPTIONS,
			properties = "spring.deserializer.value.delegate.class=news.flashwire.push.subscription.SubscriptionDeserializer")
	void on(ConsumerRecord<String, @Nullable Subscription> record) {
		Subscription subscription = record.value();
		if (subscription == null) {
			store.remove(record.partition(), record.key());
		}
		else {
			store.put(record.partition(), subscription);
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToBeginning(assignments.keySet());
		assigned = true;
		log.info("Serving subscriptions of partitions {}", assignments.keySet().stream().map(TopicPartition::partition).toList());
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		store.forget(partitions.stream().map(TopicPartition::partition).toList());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.status(assigned ? "UP" : "OUT_OF_SERVICE").withDetail("subscriptions", store.size());
	}
}

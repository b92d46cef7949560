package news.flashwire.push.subscription;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.push.system.RawConsumers;

/**
 * Owns subscriptions through the consumer group: on assignment it reads its partitions of the compacted topic from
 * the start into the store, and forgets partitions it loses to another instance. A partition read up to the end it
 * had when assigned is loaded ({@link SubscriptionsLoaded}). Ready once every assigned partition is loaded.
 */
@Component("subscriptionsAssigned")
class SubscriptionLoader extends AbstractHealthIndicator implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionLoader.class);

	private static final int RECENT_DELETIONS = 100_000;

	private final SubscriptionStore store;

	private final ConsumerFactory<?, ?> consumers;

	private final ApplicationEventPublisher events;

	private final AppliedOffsets applied;

	private final Map<Integer, Long> loadedAt = new ConcurrentHashMap<>();

	private final SubscriptionDeserializer deserializer = new SubscriptionDeserializer();

	// Ids deleted lately, with their partition, as read since the partition was assigned (on the listener's thread
	// only). An id is never reused, so a write after its deletion is a change that raced the deletion, never a new
	// subscription. A partition read again from its start forgets its deletions first: its older writes come again.
	private final Map<String, Integer> deleted = new LinkedHashMap<>() {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Integer> eldest) {
			return size() > RECENT_DELETIONS;
		}
	};

	private volatile boolean assigned;

	SubscriptionLoader(SubscriptionStore store, ConsumerFactory<?, ?> consumers, ApplicationEventPublisher events,
			AppliedOffsets applied) {
		super("Subscription partitions not loaded");
		this.store = store;
		this.consumers = consumers;
		this.events = events;
		this.applied = applied;
	}

	// Raw bytes, read here: a record that cannot be read is skipped like any other, and the partition still counts
	// as applied and loaded past it (the container's error handler would skip it without telling the loader).
	@KafkaListener(id = "push-subscriptions", groupId = "push-subscriptions", topics = Topics.SUBSCRIPTIONS,
			properties = "value.deserializer=org.apache.kafka.common.serialization.ByteArrayDeserializer")
	void on(ConsumerRecord<String, byte @Nullable []> record) {
		byte[] value = record.value();
		if (value == null) {
			store.remove(record.partition(), record.key());
			// Removed first, so the latest deletion is the last to be forgotten.
			deleted.remove(record.key());
			deleted.put(record.key(), record.partition());
		}
		else {
			Subscription subscription = readable(record, value);
			if (subscription != null && deleted.containsKey(record.key())) {
				log.warn("Subscription {} was written after its deletion (partition {}, offset {}); the deletion stands",
						record.key(), record.partition(), record.offset());
				events.publishEvent(new DeletionOverwritten(record.key()));
			}
			else if (subscription != null) {
				store.put(record.partition(), subscription);
			}
		}
		applied.applied(record.partition(), record.offset());
		Long end = loadedAt.get(record.partition());
		if (end != null && record.offset() + 1 >= end) {
			loaded(record.partition());
		}
	}

	private @Nullable Subscription readable(ConsumerRecord<String, byte @Nullable []> record, byte[] value) {
		try {
			return deserializer.deserialize(record.topic(), value);
		}
		catch (RuntimeException ex) {
			log.warn("Skipped an unreadable subscription record (partition {}, offset {}): {}", record.partition(),
					record.offset(), ex.toString());
			return null;
		}
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		List<Integer> numbers = assignments.keySet().stream().map(TopicPartition::partition).toList();
		deleted.values().removeIf(numbers::contains);
		store.assign(numbers);
		callback.seekToBeginning(assignments.keySet());
		try (Consumer<?, ?> consumer = RawConsumers.create(consumers, "push-subscriptions-ends")) {
			Map<TopicPartition, Long> beginnings = consumer.beginningOffsets(assignments.keySet());
			beginnings.forEach((partition, beginning) -> applied.start(partition.partition(), beginning));
			consumer.endOffsets(assignments.keySet()).forEach((partition, end) -> {
				if (end <= beginnings.getOrDefault(partition, 0L)) {
					loaded(partition.partition());
				}
				else {
					loadedAt.put(partition.partition(), end);
				}
			});
		}
		assigned = true;
		log.info("Serving subscriptions of partitions {}", assignments.keySet().stream().map(TopicPartition::partition).toList());
	}

	private void loaded(int partition) {
		loadedAt.remove(partition);
		store.markLoaded(partition);
		events.publishEvent(new SubscriptionsLoaded(partition));
	}

	@Override
	public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
		var numbers = partitions.stream().map(TopicPartition::partition).toList();
		numbers.forEach(loadedAt::remove);
		deleted.values().removeIf(numbers::contains);
		// Before the store, so a read that finds a partition emptied also finds it no longer owned.
		applied.forget(numbers);
		store.forget(numbers);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.status(assigned && store.allLoaded() ? "UP" : "OUT_OF_SERVICE").withDetail("subscriptions", store.size());
	}
}

package news.flashwire.push.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.push.system.RawConsumers;

/**
 * Reads one subscription from its partition of the compacted topic, on any instance, whether or not it owns that
 * partition: the latest record for the id up to the partition's current end, so it sees every acknowledged write.
 * Management calls are rare; the compacted partition is the index.
 */
@Component
class SubscriptionReader {

	private static final Duration DEADLINE = Duration.ofSeconds(15);

	private final ConsumerFactory<?, ?> consumers;

	private final KafkaTemplate<String, Object> kafka;

	private final SubscriptionDeserializer deserializer = new SubscriptionDeserializer();

	SubscriptionReader(ConsumerFactory<?, ?> consumers, KafkaTemplate<String, Object> kafka) {
		this.consumers = consumers;
		this.kafka = kafka;
	}

	Optional<Subscription> find(String id) {
		TopicPartition partition = partitionOf(id);
		byte[] key = id.getBytes(StandardCharsets.UTF_8);
		long deadline = System.nanoTime() + DEADLINE.toNanos();
		try (Consumer<?, ?> consumer = RawConsumers.create(consumers, "push-subscription-reader")) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			byte @Nullable [] latest = null;
			while (consumer.position(partition) < end) {
				if (System.nanoTime() > deadline) {
					throw new IllegalStateException("reading subscription " + id + " took too long");
				}
				for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
					if (record.key() != null && id.equals(String.valueOf(record.key()))) {
						latest = record.value() == null ? null : valueBytes(record);
					}
				}
			}
			return Optional.ofNullable(latest).map(bytes -> deserializer.deserialize(Topics.SUBSCRIPTIONS, bytes));
		}
	}

	private static byte[] valueBytes(ConsumerRecord<?, ?> record) {
		return (byte[]) record.value();
	}

	TopicPartition partitionOf(String id) {
		int partitions = kafka.partitionsFor(Topics.SUBSCRIPTIONS).size();
		// The producer's default partitioner for a keyed record.
		int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
		return new TopicPartition(Topics.SUBSCRIPTIONS, partition);
	}
}

package news.flashwire.push.subscription;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.ListOffsetsOptions;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.IsolationLevel;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;

/**
 * Reads one subscription as of the latest acknowledged write, on any instance. An instance that owns the partition
 * answers from its store once it has applied the partition up to the end the broker reports (normally at once).
 * Otherwise the partition of the compacted topic is read ({@link PartitionScans}): management calls are rare, and the
 * compacted partition is the index.
 */
@Component
class SubscriptionReader implements DisposableBean {

	private static final Duration DEADLINE = Duration.ofSeconds(15);

	// How long an owner waits for its own store to catch up before reading the topic instead.
	private static final Duration CATCH_UP = Duration.ofSeconds(5);

	private final KafkaTemplate<String, Object> kafka;

	private final SubscriptionStore store;

	private final AppliedOffsets applied;

	private final Admin admin;

	private final PartitionScans scans;

	private volatile int partitionCount;

	SubscriptionReader(KafkaTemplate<String, Object> kafka, KafkaAdmin kafkaAdmin, SubscriptionStore store,
			AppliedOffsets applied, PartitionScans scans) {
		this.kafka = kafka;
		this.store = store;
		this.applied = applied;
		this.admin = Admin.create(kafkaAdmin.getConfigurationProperties());
		this.scans = scans;
	}

	Optional<Subscription> find(String id) throws InterruptedException {
		TopicPartition partition = partitionOf(id);
		if (applied.owns(partition.partition())) {
			long epoch = applied.awaitApplied(partition.partition(), endOffset(partition), CATCH_UP);
			if (epoch >= 0) {
				Optional<Subscription> found = store.find(partition.partition(), id);
				if (applied.stillOwned(partition.partition(), epoch)) {
					return found;
				}
			}
		}
		return scans.find(partition, id);
	}

	private long endOffset(TopicPartition partition) throws InterruptedException {
		try {
			return admin
				.listOffsets(Map.of(partition, OffsetSpec.latest()), new ListOffsetsOptions(IsolationLevel.READ_COMMITTED))
				.partitionResult(partition)
				.get(DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
				.offset();
		}
		catch (ExecutionException | TimeoutException ex) {
			throw new IllegalStateException("cannot find the end of " + partition, ex);
		}
	}

	TopicPartition partitionOf(String id) {
		int partitions = partitionCount;
		if (partitions == 0) {
			// Once known it stays: a topic keyed by id cannot change its partition count without moving every key.
			partitions = kafka.partitionsFor(Topics.SUBSCRIPTIONS).size();
			partitionCount = partitions;
		}
		// The producer's default partitioner for a keyed record.
		int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % partitions;
		return new TopicPartition(Topics.SUBSCRIPTIONS, partition);
	}

	@Override
	public void destroy() {
		admin.close(Duration.ofSeconds(5));
	}
}

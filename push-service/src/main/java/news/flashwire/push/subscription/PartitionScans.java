package news.flashwire.push.subscription;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.flashwire.common.event.Topics;
import news.flashwire.push.system.RawConsumers;

/**
 * Reads subscriptions from partitions of the compacted topic that this instance does not own: the latest record of
 * each id, up to the partition's end at the start of the read, so every acknowledged write is seen. Lookups of one
 * partition that arrive while it is being read wait for the next read, which serves all of them at once: a burst (a
 * partner's many webhooks failing at once, many owners at their settings) costs a read or two of the partition, not
 * one per lookup.
 */
@Component
class PartitionScans implements DisposableBean {

	private static final Duration DEADLINE = Duration.ofSeconds(15);

	private final ConsumerFactory<?, ?> consumers;

	private final Counter reads;

	private final SubscriptionDeserializer deserializer = new SubscriptionDeserializer();

	private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();

	// Threads of their own, at most one per partition at a time: the callers block on the reads from worker threads of
	// their own, so a read waiting behind them could wait for ever.
	private final ExecutorService readers = Executors.newCachedThreadPool(runnable -> {
		Thread thread = new Thread(runnable, "push-subscription-reader");
		thread.setDaemon(true);
		return thread;
	});

	PartitionScans(ConsumerFactory<?, ?> consumers, MeterRegistry meters) {
		this.consumers = consumers;
		this.reads = Counter.builder("flashwire.push.subscriptions.partition.reads")
			.description("Reads of a whole subscriptions partition for lookups on an instance that does not own it")
			.register(meters);
	}

	/** The subscription's latest state, or empty when it does not exist (or was deleted). Blocks. */
	Optional<Subscription> find(TopicPartition partition, String id) throws InterruptedException {
		Lookup lookup = partitions.computeIfAbsent(partition, Partition::new)
			.lookUp(id);
		try {
			// A lookup may wait for the read in progress before its own.
			return lookup.result.get(2 * DEADLINE.toMillis(), TimeUnit.MILLISECONDS)
				.map(bytes -> deserializer.deserialize(Topics.SUBSCRIPTIONS, bytes));
		}
		catch (ExecutionException ex) {
			throw ex.getCause() instanceof RuntimeException runtime ? runtime
					: new IllegalStateException(ex.getCause());
		}
		catch (TimeoutException ex) {
			throw new IllegalStateException("reading subscription " + id + " took too long", ex);
		}
	}

	@Override
	public void destroy() {
		readers.shutdownNow();
	}

	private record Lookup(String id, CompletableFuture<Optional<byte[]>> result) {
	}

	private final class Partition {

		private final TopicPartition partition;

		private final List<Lookup> waiting = new ArrayList<>();

		private boolean reading;

		Partition(TopicPartition partition) {
			this.partition = partition;
		}

		/** Queues the lookup, and starts reading unless a read is in progress (which then reads again for it). */
		Lookup lookUp(String id) {
			Lookup lookup = new Lookup(id, new CompletableFuture<>());
			synchronized (this) {
				waiting.add(lookup);
				if (reading) {
					return lookup;
				}
				reading = true;
			}
			try {
				readers.execute(this::readWhileWaiting);
			}
			catch (RejectedExecutionException ex) {
				failWaiting(ex);
			}
			return lookup;
		}

		private void readWhileWaiting() {
			try {
				while (true) {
					List<Lookup> batch;
					synchronized (this) {
						if (waiting.isEmpty()) {
							reading = false;
							return;
						}
						batch = new ArrayList<>(waiting);
						waiting.clear();
					}
					try {
						Map<String, byte[]> latest = read(batch.stream().map(Lookup::id).collect(Collectors.toSet()));
						batch.forEach(lookup -> lookup.result.complete(Optional.ofNullable(latest.get(lookup.id))));
					}
					catch (RuntimeException ex) {
						batch.forEach(lookup -> lookup.result.completeExceptionally(ex));
					}
				}
			}
			catch (Throwable ex) {
				// Not left reading: the lookups waiting now fail, the next one starts a read again.
				failWaiting(ex);
				throw ex;
			}
		}

		private void failWaiting(Throwable ex) {
			List<Lookup> failed;
			synchronized (this) {
				failed = new ArrayList<>(waiting);
				waiting.clear();
				reading = false;
			}
			failed.forEach(lookup -> lookup.result.completeExceptionally(ex));
		}

		/** The latest value of each id up to the partition's current end; a deleted id has none. */
		private Map<String, byte[]> read(Set<String> ids) {
			reads.increment();
			long deadline = System.nanoTime() + DEADLINE.toNanos();
			Map<String, byte[]> latest = new HashMap<>();
			Set<String> deleted = new HashSet<>();
			try (Consumer<?, ?> consumer = RawConsumers.create(consumers, "push-subscription-reader")) {
				consumer.assign(List.of(partition));
				consumer.seekToBeginning(List.of(partition));
				long end = consumer.endOffsets(List.of(partition), left(deadline)).get(partition);
				while (consumer.position(partition, left(deadline)) < end) {
					for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
						String key = record.key() == null ? null : String.valueOf(record.key());
						if (key != null && ids.contains(key)) {
							if (record.value() == null) {
								latest.remove(key);
								deleted.add(key);
							}
							else if (!deleted.contains(key)) {
								// A write after the deletion raced it: the deletion stands (DeletionOverwritten).
								latest.put(key, (byte[]) record.value());
							}
						}
					}
				}
			}
			return latest;
		}

		/** What is left until the deadline; past it, the read has taken too long. */
		private Duration left(long deadline) {
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				throw new IllegalStateException("reading " + partition + " took too long");
			}
			return Duration.ofNanos(left);
		}
	}
}

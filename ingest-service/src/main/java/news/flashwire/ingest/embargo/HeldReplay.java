package news.flashwire.ingest.embargo;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryId;

/**
 * Reads every partition of the held topic from the beginning into {@link EmbargoHolds} (committed records only), so
 * held stories survive restarts; caught up once at the end offsets seen at start-up, then keeps reading what other
 * instances hold, release and kill.
 */
@Component
class HeldReplay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(HeldReplay.class);

	private final EmbargoHolds holds;

	private final EmbargoRelease release;

	private final Map<String, Object> config;

	private final HeldStoryDeserializer reader = new HeldStoryDeserializer();

	private volatile boolean running;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	HeldReplay(EmbargoHolds holds, EmbargoRelease release, KafkaAdmin admin) {
		this.holds = holds;
		this.release = release;
		this.config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				admin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.CLIENT_ID_CONFIG, "ingest-held-replay-" + System.identityHashCode(this));
	}

	@Override
	public void start() {
		running = true;
		Thread thread = new Thread(this::run, "held-replay");
		thread.setDaemon(true);
		thread.start();
	}

	@Override
	public void stop() {
		running = false;
		Consumer<String, byte[]> current = consumer;
		if (current != null) {
			current.wakeup();
		}
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	private void run() {
		while (running) {
			try (Consumer<String, byte[]> held = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
					new ByteArrayDeserializer()).createConsumer()) {
				consumer = held;
				read(held);
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Reading the held topic failed, starting over: {}", ex.toString());
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
			}
		}
	}

	private void read(Consumer<String, byte[]> held) {
		List<TopicPartition> partitions = held.partitionsFor(Topics.HELD, Duration.ofSeconds(10))
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			throw new IllegalStateException("the held topic does not exist yet");
		}
		held.assign(partitions);
		held.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = held.endOffsets(partitions);
		while (running) {
			for (ConsumerRecord<String, byte[]> record : held.poll(Duration.ofMillis(500))) {
				apply(record);
			}
			if (!holds.caughtUp() && partitions.stream().allMatch(tp -> held.position(tp) >= ends.get(tp))) {
				holds.markCaughtUp();
				log.info("Embargo holds caught up with the held topic: {} held", holds.all().size());
				release.wake();
			}
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		try {
			holds.apply(new StoryId(record.key()), reader.deserialize(record.topic(), record.value()), record.partition(),
					record.offset());
			release.wake();
		}
		catch (RuntimeException ex) {
			log.warn("Skipping unreadable held record at {}-{}@{}: {}", record.topic(), record.partition(),
					record.offset(), ex.toString());
		}
	}
}

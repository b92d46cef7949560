package news.flashwire.ingest.replay;

import java.time.Duration;
import java.util.HashMap;
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

/**
 * Reads every partition of one topic from the beginning (committed records only) into state kept in memory:
 * caught up once it reaches the end offsets seen at start-up, then keeps reading what other instances write. A
 * record that cannot be applied is logged and skipped; a broken connection starts the reading over.
 */
public abstract class TopicReplay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(TopicReplay.class);

	private final String topic;

	private final Map<String, Object> config;

	private volatile boolean running;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	protected TopicReplay(String topic, KafkaAdmin admin) {
		this(topic, admin, Map.of());
	}

	/** {@code consumerProperties}: more settings of the topic's consumer (e.g. how much each fetch waits for). */
	protected TopicReplay(String topic, KafkaAdmin admin, Map<String, Object> consumerProperties) {
		this.topic = topic;
		Map<String, Object> config = new HashMap<>(consumerProperties);
		config.putAll(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				admin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.CLIENT_ID_CONFIG, "ingest-replay-" + topic + "-" + System.identityHashCode(this)));
		this.config = Map.copyOf(config);
	}

	/** Applies one record to the state; throws when the record cannot be read. */
	protected abstract void apply(ConsumerRecord<String, byte[]> record);

	protected abstract boolean caughtUp();

	/** Called once, on the replay thread, when the state has reached the end offsets seen at start-up. */
	protected abstract void markCaughtUp();

	@Override
	public void start() {
		running = true;
		Thread thread = new Thread(this::run, "replay-" + topic);
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
			try (Consumer<String, byte[]> reader = new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(),
					new ByteArrayDeserializer()).createConsumer()) {
				consumer = reader;
				read(reader);
			}
			catch (WakeupException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Reading {} failed, starting over: {}", topic, ex.toString());
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
			}
		}
	}

	private void read(Consumer<String, byte[]> reader) {
		List<TopicPartition> partitions = reader.partitionsFor(topic, Duration.ofSeconds(10))
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			throw new IllegalStateException(topic + " does not exist yet");
		}
		reader.assign(partitions);
		reader.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
		while (running) {
			for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
				applyOrSkip(record);
			}
			if (!caughtUp() && partitions.stream().allMatch(tp -> reader.position(tp) >= ends.get(tp))) {
				markCaughtUp();
			}
		}
	}

	private void applyOrSkip(ConsumerRecord<String, byte[]> record) {
		try {
			apply(record);
		}
		catch (RuntimeException ex) {
			log.warn("Skipping unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.toString());
		}
	}
}

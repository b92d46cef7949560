package news.flashwire.ingest.story;

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
import org.apache.kafka.common.header.Header;
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
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryEventDeserializer;

/**
 * Reads every partition of the stories topic from the beginning into the {@link StoryLedger} (committed records
 * only), reports caught up once it reached the end offsets seen at start-up, then keeps reading so that what other
 * ingest instances publish reaches this instance's ledger too.
 */
@Component
class StoriesReplay implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(StoriesReplay.class);

	private final StoryLedger ledger;

	private final Map<String, Object> config;

	private final StoryEventDeserializer events = new StoryEventDeserializer();

	private volatile boolean running;

	private volatile @Nullable Consumer<String, byte[]> consumer;

	StoriesReplay(StoryLedger ledger, KafkaAdmin admin) {
		this.ledger = ledger;
		this.config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				admin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
				ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed", ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
				ConsumerConfig.CLIENT_ID_CONFIG, "ingest-story-ledger");
	}

	@Override
	public void start() {
		running = true;
		Thread reader = new Thread(this::run, "story-ledger-replay");
		reader.setDaemon(true);
		reader.start();
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
				log.warn("Reading the stories topic failed, starting over: {}", ex.toString());
				LockSupport.parkNanos(TimeUnit.SECONDS.toNanos(1));
			}
		}
	}

	private void read(Consumer<String, byte[]> reader) {
		List<TopicPartition> partitions = reader.partitionsFor(Topics.STORIES, Duration.ofSeconds(10))
			.stream()
			.map(info -> new TopicPartition(info.topic(), info.partition()))
			.toList();
		if (partitions.isEmpty()) {
			throw new IllegalStateException("the stories topic does not exist yet");
		}
		reader.assign(partitions);
		reader.seekToBeginning(partitions);
		Map<TopicPartition, Long> ends = reader.endOffsets(partitions);
		while (running) {
			for (ConsumerRecord<String, byte[]> record : reader.poll(Duration.ofMillis(500))) {
				apply(record);
			}
			if (!ledger.caughtUp() && partitions.stream().allMatch(tp -> reader.position(tp) >= ends.get(tp))) {
				ledger.markCaughtUp();
				log.info("Story ledger caught up with the stories topic: {} stories", ledger.size());
			}
		}
	}

	private void apply(ConsumerRecord<String, byte[]> record) {
		try {
			StoryEvent event = events.deserialize(record.topic(), record.value());
			if (event != null) {
				ledger.apply(event, sourceVersion(record, event));
			}
		}
		catch (RuntimeException ex) {
			log.warn("Skipping unreadable record at {}-{}@{}: {}", record.topic(), record.partition(), record.offset(),
					ex.toString());
		}
	}

	private static long sourceVersion(ConsumerRecord<String, byte[]> record, StoryEvent event) {
		Header header = record.headers().lastHeader(StoryLedger.SOURCE_VERSION_HEADER);
		return header == null ? event.revision() : Long.parseLong(new String(header.value()));
	}
}

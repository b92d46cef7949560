package news.flashwire.launcher;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The broker the launcher runs, on its own: real jars from target/kafka, real data folder, restarted once. */
class LocalKafkaIntegrationTests {

	private static final String TOPIC = "launcher-check";

	private final int[] ports = FreePorts.take(2);

	private final Path dataDir = createDataDir();

	private final BrokerConfig config = new BrokerConfig(dataDir, ports[0], ports[1]);

	private final List<LocalKafka> started = new ArrayList<>();

	@AfterEach
	void stopBrokers() {
		started.forEach(LocalKafka::stop);
	}

	@Test
	void keepsACommittedRecordAcrossARestart() throws Exception {
		LocalKafka kafka = start();
		String story = "story-" + UUID.randomUUID();
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers()))) {
			admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
		}
		sendInATransaction(kafka, story);
		assertThat(readAll(kafka)).contains(story);

		kafka.stop();
		LocalKafka restarted = start();

		assertThat(config.isFormatted()).isTrue();
		assertThat(readAll(restarted)).contains(story);
	}

	@Test
	void stopsTheBrokerProcess() {
		LocalKafka kafka = localKafka();
		ChildJvm broker = kafka.start();
		kafka.awaitReady(Duration.ofSeconds(90));

		kafka.stop();

		assertThat(broker.isAlive()).isFalse();
	}

	private LocalKafka start() {
		LocalKafka kafka = localKafka();
		kafka.start();
		kafka.awaitReady(Duration.ofSeconds(90));
		return kafka;
	}

	private LocalKafka localKafka() {
		LocalKafka kafka = new LocalKafka(Path.of("target", "kafka"), config, dataDir.resolve("logs/kafka.log"));
		started.add(kafka);
		return kafka;
	}

	private static void sendInATransaction(LocalKafka kafka, String value) {
		Map<String, Object> settings = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ProducerConfig.TRANSACTIONAL_ID_CONFIG, "launcher-check-" + UUID.randomUUID());
		try (KafkaProducer<String, String> producer = new KafkaProducer<>(settings, new StringSerializer(),
				new StringSerializer())) {
			producer.initTransactions();
			producer.beginTransaction();
			producer.send(new ProducerRecord<>(TOPIC, value, value));
			producer.commitTransaction();
		}
	}

	private static Set<String> readAll(LocalKafka kafka) {
		Map<String, Object> settings = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka.bootstrapServers(),
				ConsumerConfig.GROUP_ID_CONFIG, "launcher-check-" + UUID.randomUUID(),
				ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG,
				"read_committed");
		Set<String> values = new HashSet<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(settings, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(TOPIC));
			await().atMost(Duration.ofSeconds(30)).pollInSameThread().until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					values.add(record.value());
				}
				return !values.isEmpty();
			});
		}
		return values;
	}

	private static Path createDataDir() {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")), "local-kafka-");
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}

package news.flashwire.ingest.publish;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.client.WebClient;

import news.flashwire.common.event.Topics;
import news.flashwire.ingest.IngestApplication;
import news.flashwire.ingest.agency.AgencyStories;

/**
 * The broker restarts in the middle of a stream of posts (single documents and batches of three, in turn): every story
 * ingest acknowledged (2xx) is on the stories topic exactly once, and nothing is there twice; what was refused (503)
 * while the broker was away may be sent again.
 * The broker comes back with its data (its log folders are kept) on the port it had.
 */
class BrokerRestartIntegrationTests {

	@Test
	void everyAcknowledgedStoryArrivesExactlyOnceAcrossABrokerRestart() throws Exception {
		try (RestartableBroker broker = new RestartableBroker();
				ConfigurableApplicationContext ingest = start(broker.bootstrapServers())) {
			String address = broker.bootstrapServers();
			WebClient client = client(ingest);
			Set<String> acknowledged = ConcurrentHashMap.newKeySet();
			AtomicInteger refused = new AtomicInteger();
			AtomicBoolean posting = new AtomicBoolean(true);
			Thread poster = new Thread(() -> {
				int posts = 0;
				while (posting.get()) {
					List<String> uris = posts++ % 2 == 0 ? List.of(AgencyStories.uniqueUri())
							: List.of(AgencyStories.uniqueUri(), AgencyStories.uniqueUri(), AgencyStories.uniqueUri());
					int status = post(client, uris);
					if (status == 202) {
						uris.forEach(uri -> acknowledged.add("afp:" + uri));
					}
					else {
						refused.incrementAndGet();
					}
				}
			}, "poster");
			poster.start();

			await().atMost(Duration.ofSeconds(20)).until(() -> acknowledged.size() >= 20);
			broker.stop();
			await().atMost(Duration.ofSeconds(30)).until(() -> refused.get() >= 2);
			broker.start();
			assertThat(broker.bootstrapServers()).as("the broker came back where ingest knows it").isEqualTo(address);
			int before = acknowledged.size();
			await().atMost(Duration.ofSeconds(60)).until(() -> acknowledged.size() >= before + 20);
			posting.set(false);
			poster.join(30_000);

			Map<String, Integer> onTopic = readAll(broker.bootstrapServers(), acknowledged);
			assertThat(acknowledged).allSatisfy(id -> assertThat(onTopic.get(id)).as(id).isEqualTo(1));
			assertThat(onTopic.values()).allSatisfy(count -> assertThat(count).isEqualTo(1));
			assertThat(refused.get()).isPositive();
		}
	}

	private static WebClient client(ConfigurableApplicationContext ingest) {
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + ingest.getEnvironment().getProperty("local.server.port"))
			.defaultHeaders(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.build();
	}

	private static int post(WebClient client, List<String> uris) {
		List<String> documents = uris.stream().map(uri -> AgencyStories.ninjs3(uri, "en", "Restart " + uri, 5)).toList();
		try {
			return client.post()
				.uri("/v1/agencies/afp/stories")
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(documents.size() == 1 ? documents.get(0) : "[" + String.join(",", documents) + "]")
				.exchangeToMono(response -> response.releaseBody().thenReturn(response.statusCode().value()))
				.block(Duration.ofSeconds(30));
		}
		catch (RuntimeException ex) {
			return -1;
		}
	}

	// Reads until every acknowledged story is there and the reader has reached the end of what is committed. A
	// transaction the restart left open holds back the committed records behind it until the broker aborts it, so
	// "nothing more for a moment" would not mean the end.
	private static Map<String, Integer> readAll(String bootstrapServers, Set<String> acknowledged) {
		Map<String, Integer> counts = new HashMap<>();
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.STORIES));
			await().atMost(Duration.ofSeconds(60)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(500))) {
					counts.merge(record.key(), 1, Integer::sum);
				}
				return counts.keySet().containsAll(acknowledged) && atEnd(consumer);
			});
		}
		return counts;
	}

	private static boolean atEnd(KafkaConsumer<String, String> consumer) {
		Set<TopicPartition> partitions = consumer.assignment();
		return !partitions.isEmpty() && consumer.endOffsets(partitions)
			.entrySet()
			.stream()
			.allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
	}

	private static ConfigurableApplicationContext start(String bootstrapServers) {
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--flashwire.topics.partitions=3", "--spring.kafka.producer.properties.max.block.ms=2000",
				"--spring.kafka.producer.properties.request.timeout.ms=2000",
				"--spring.kafka.producer.properties.delivery.timeout.ms=4000",
				"--spring.kafka.producer.properties.transaction.timeout.ms=10000");
	}
}

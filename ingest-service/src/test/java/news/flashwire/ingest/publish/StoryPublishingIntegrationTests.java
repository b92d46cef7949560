package news.flashwire.ingest.publish;

import static org.assertj.core.api.Assertions.as;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.assertj.core.api.InstanceOfAssertFactories;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.alert.AlertDeserializer;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryEventDeserializer;
import news.flashwire.ingest.agency.AgencyStories;

import static org.awaitility.Awaitility.await;

/**
 * A story posted to ingest is on the stories topic, acknowledged, by the time ingest answers 202; its record carries
 * the trace of the transaction that wrote it, for ticker and push to carry on, and ingest's log line of it too.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class StoryPublishingIntegrationTests {

	@Autowired
	WebTestClient client;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private final List<AutoCloseable> consumers = new ArrayList<>();

	@AfterEach
	void closeConsumers() throws Exception {
		for (AutoCloseable consumer : consumers) {
			consumer.close();
		}
	}

	@Test
	void publishesAPostedStoryBeforeAnsweringAccepted() {
		String uri = AgencyStories.uniqueUri();

		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish(uri))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].storyId")
			.isEqualTo("afp:" + uri)
			.jsonPath("$.results[0].revision")
			.isEqualTo(1);

		StoryEvent event = readUntilFound(consumer(new StoryEventDeserializer(), Topics.STORIES), "afp:" + uri);
		assertThat(event).isInstanceOf(StoryEvent.Published.class);
		assertThat(((StoryEvent.Published) event).story().headline()).isEqualTo("Parliament approves the budget");
	}

	@Test
	void alertsABreakingStory() {
		String uri = AgencyStories.uniqueUri();

		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.breakingArabic(uri))
			.exchange()
			.expectStatus()
			.isAccepted();

		Alert alert = readUntilFound(consumer(new AlertDeserializer(), Topics.ALERTS), "afp:" + uri);
		assertThat(alert.kind()).isEqualTo(Alert.Kind.NEW);
		assertThat(alert.story().edition().direction()).isEqualTo("rtl");
	}

	@Test
	void carriesOneTraceOnEveryRecordOfABatch() {
		List<String> uris = List.of(AgencyStories.uniqueUri(), AgencyStories.uniqueUri(), AgencyStories.uniqueUri());
		String batch = uris.stream()
			.map(uri -> AgencyStories.ninjs3(uri, "en", "Trace check " + uri.substring(uri.length() - 12), 5))
			.collect(java.util.stream.Collectors.joining(",", "[", "]"));
		// Until the held topic is read, a batch goes through the embargo check item by item, a transaction each.
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());

		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(batch)
			.exchange()
			.expectStatus()
			.isAccepted();

		Consumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer(), Topics.STORIES);
		Map<String, String> traceparents = new java.util.HashMap<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				Header traceparent = record.headers().lastHeader("traceparent");
				if (uris.stream().anyMatch(uri -> ("afp:" + uri).equals(record.key())) && traceparent != null) {
					traceparents.put(record.key(), new String(traceparent.value(), StandardCharsets.UTF_8));
				}
			}
			return traceparents.size() == uris.size();
		});
		assertThat(traceparents.values()).allMatch(value -> value.matches("00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]"));
		assertThat(new java.util.HashSet<>(traceparents.values())).hasSize(1);
	}

	@Test
	void logsAPublishedStoryWithTheTraceIdItsRecordCarries(CapturedOutput output) {
		String uri = AgencyStories.uniqueUri();
		// A headline of its own: another test's story with the same headline would make this one its near-duplicate.
		String story = AgencyStories.ninjs3(uri, "en", "Log check " + uri.substring(uri.length() - 12), 5);

		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(story)
			.exchange()
			.expectStatus()
			.isAccepted();

		Consumer<String, byte[]> consumer = consumer(new ByteArrayDeserializer(), Topics.STORIES);
		List<String> traceIds = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
				Header traceparent = record.headers().lastHeader("traceparent");
				if (("afp:" + uri).equals(record.key()) && traceparent != null) {
					traceIds.add(new String(traceparent.value(), StandardCharsets.UTF_8).split("-")[1]);
				}
			}
			return !traceIds.isEmpty();
		});
		assertThat(output.getOut().lines().filter(line -> line.contains("Published published afp:" + uri)))
			.singleElement(as(InstanceOfAssertFactories.STRING))
			.contains(traceIds.get(0));
	}

	@Test
	void reportsReadyWhileTheBrokerAnswers() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
	}

	private <T> T readUntilFound(Consumer<String, T> consumer, String key) {
		List<T> found = new ArrayList<>();
		await().atMost(Duration.ofSeconds(30)).until(() -> {
			for (ConsumerRecord<String, T> record : consumer.poll(Duration.ofMillis(200))) {
				if (key.equals(record.key())) {
					found.add(record.value());
				}
			}
			return !found.isEmpty();
		});
		assertThat(found).hasSize(1);
		return found.get(0);
	}

	private <T> Consumer<String, T> consumer(org.apache.kafka.common.serialization.Deserializer<T> values,
			String topic) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		KafkaConsumer<String, T> consumer = new KafkaConsumer<>(config, new StringDeserializer(), values);
		consumer.subscribe(List.of(topic));
		consumers.add(consumer);
		return consumer;
	}
}

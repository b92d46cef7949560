package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.event.EventJson;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.Urgency;

/** NewsML-G2 items from an agency reach the stories topic under the same story rules as ninjs documents. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class NewsmlIntegrationTests {

	private static final MediaType NEWS_ITEM = MediaType.parseMediaType(NewsmlController.NEWS_ITEM);

	@Autowired
	WebTestClient client;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	// The first post of a fresh application also starts its transactional producer: slow on a loaded machine.
	@BeforeEach
	void waitLongerForTheFirstAnswer() {
		client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void publishesAnItemAndItsVersionsUntilItIsCanceled() {
		String guid = NewsmlStories.uniqueGuid();
		String headline = "زلزال بقوة 6.1 درجة يضرب جنوب تركيا " + UUID.randomUUID();
		String id = "afp:" + guid;

		expect(NewsmlStories.newsItem(guid, 1, "usable", "ar", headline, 1, ""), "published", 1);
		expect(NewsmlStories.newsItem(guid, 1, "usable", "ar", headline, 1, ""), "duplicate", 1);
		expect(NewsmlStories.newsItem(guid, 2, "usable", "ar", headline + " ومقتل 12", 1, ""), "updated", 2);
		expect(NewsmlStories.newsItem(guid, 1, "usable", "ar", headline, 1, ""), "stale", 2);
		expect(NewsmlStories.newsItem(guid, 3, "canceled", "ar", headline, 1, ""), "killed", 3);
		expect(NewsmlStories.newsItem(guid, 4, "usable", "ar", headline, 1, ""), "already-killed", 3);

		List<ConsumerRecord<String, String>> records = recordsOf(id, 3);
		List<StoryEvent> events = records.stream()
			.map(record -> EventJson.MAPPER.readValue(record.value(), StoryEvent.class))
			.toList();
		assertThat(events).extracting(StoryEvent::revision).containsExactly(1L, 2L, 3L);
		StoryEvent.Published published = (StoryEvent.Published) events.get(0);
		assertThat(published.story().headline()).isEqualTo(headline);
		assertThat(published.story().urgency()).isEqualTo(Urgency.BREAKING);
		assertThat(events.get(2)).isInstanceOf(StoryEvent.Killed.class);
		assertThat(records).extracting(ConsumerRecord::value).noneMatch(value -> value.contains("aide"));
	}

	@Test
	void answersEachItemOfAMessageAndKeepsServingAfterHostileXml() {
		String held = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), 1, "usable", "en",
				"Results embargoed " + UUID.randomUUID(), 5, "<embargoed>2099-01-01T00:00:00Z</embargoed>");
		String now = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Markets open " + UUID.randomUUID(), 5);
		String xxe = """
				<?xml version="1.0"?><!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<newsItem guid="g" xml:lang="en"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>""";

		post(NEWS_ITEM, xxe).expectStatus().isBadRequest();
		post(MediaType.parseMediaType(NewsmlController.NEWS_MESSAGE), NewsmlStories.newsMessage(held, now)).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo("held")
			.jsonPath("$.results[0].embargoedUntil")
			.isEqualTo("2099-01-01T00:00:00Z")
			.jsonPath("$.results[1].status")
			.isEqualTo("published");
	}

	private void expect(String item, String status, long revision) {
		post(NEWS_ITEM, item).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo(status)
			.jsonPath("$.results[0].revision")
			.isEqualTo(revision);
	}

	private WebTestClient.ResponseSpec post(MediaType type, String body) {
		return client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(type)
			.bodyValue(body)
			.exchange();
	}

	private List<ConsumerRecord<String, String>> recordsOf(String key, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<ConsumerRecord<String, String>> found = new ArrayList<>();
		try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StringDeserializer())) {
			consumer.subscribe(List.of(Topics.STORIES));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, String> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(record);
					}
				}
				return found.size() >= expected;
			});
		}
		return found;
	}
}

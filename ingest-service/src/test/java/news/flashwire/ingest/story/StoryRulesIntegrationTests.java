package news.flashwire.ingest.story;

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
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryEventDeserializer;
import news.flashwire.common.story.StoryId;

/** The story rules end to end: what agencies post, what lands on the stories topic, what a restarted ingest knows. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient(timeout = "30s")
class StoryRulesIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	KafkaAdmin admin;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void publishesEachNewerVersionOnceAndNothingAfterTheKill() {
		String uri = "urn:rules:" + UUID.randomUUID();
		post("afp", version(uri, "0", "Quake hits Turkey", "usable"), "published", 1);
		post("afp", version(uri, "0", "Quake hits Turkey", "usable"), "duplicate", 1);
		post("afp", version(uri, "20261129", "Quake kills 98 in Turkey", "usable"), "updated", 2);
		post("afp", version(uri, "7", "Quake hits Turkey", "usable"), "stale", 2);
		post("afp", version(uri, "20261130", "Quake kills 98 in Turkey", "canceled"), "killed", 3);
		post("afp", version(uri, "20261201", "Quake kills 98 in Turkey", "usable"), "already-killed", 3);

		List<StoryEvent> events = eventsOf("afp:" + uri, 3);
		assertThat(events).extracting(StoryEvent::revision).containsExactly(1L, 2L, 3L);
		assertThat(events.get(2)).isInstanceOf(StoryEvent.Killed.class);
	}

	@Test
	void killsAPublishedStoryByAKillThatNamesOnlyItsUri() {
		String uri = "urn:rules:" + UUID.randomUUID();
		post("afp", version(uri, "1", "Minister resigns over leak", "usable"), "published", 1);

		post("afp", """
				{"uri":"%s","version":"2","pubstatus":"canceled"}""".formatted(uri), "killed", 2);

		StoryEvent killed = eventsOf("afp:" + uri, 2).get(1);
		assertThat(killed).isInstanceOf(StoryEvent.Killed.class);
		assertThat(((StoryEvent.Killed) killed).edition().code()).isEqualTo("en");
		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("""
					{"uri":"urn:rules:never-seen-%s","version":"1","pubstatus":"canceled"}""".formatted(UUID.randomUUID()))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("a kill of a story not published here needs its headline and language");
	}

	@Test
	void linksTheSameHeadlineFromASecondAgencyToTheFirstStory() {
		String place = UUID.randomUUID().toString();
		String headline = "انفجار قوي في ميناء " + place;
		String first = "urn:first:" + UUID.randomUUID();
		post("afp", version(first, "1", headline, "usable"), "published", 1);

		client.post()
			.uri("/v1/agencies/reuters/stories")
			.headers(headers -> headers.setBasicAuth("reuters", "reuters-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(version("urn:second:" + UUID.randomUUID(), "1", "إنفجارٌ قويّ في ميناء " + place, "usable"))
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo("linked")
			.jsonPath("$.results[0].linkedTo")
			.isEqualTo("afp:" + first);
	}

	@Test
	void publishesTheGoodDocumentsOfAnNdjsonBatchAndRejectsTheBadOne() {
		String good = "urn:ndjson:" + UUID.randomUUID();
		String body = version(good, "1", "Central bank holds rates " + good, "usable").replace("\n", " ") + "\n"
				+ "{\"uri\":\"urn:ndjson:bad\",\"language\":\"en\",\"headline\":\"\\u202e\"}\n";

		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo("published")
			.jsonPath("$.results[1].status")
			.isEqualTo("rejected")
			.jsonPath("$.results[1].problem")
			.isEqualTo("headline is empty");

		assertThat(eventsOf("afp:" + good, 1)).hasSize(1);
	}

	@Test
	void decidesEachDocumentOfABatchAsIfItCameAloneAfterTheOnesBeforeIt() {
		String uri = "urn:batch:" + UUID.randomUUID();
		String other = "urn:batch:" + UUID.randomUUID();
		String headline = "Floods close the port " + uri;
		String body = "[" + String.join(",", version(uri, "1", headline, "usable"),
				version(uri, "1", headline, "usable"), version(uri, "2", "Floods close the port again " + uri, "usable"),
				version(other, "1", "Floods close the port again " + uri, "usable"),
				"{\"uri\":\"urn:batch:bad\",\"language\":\"en\",\"headline\":\" \"}") + "]";

		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[*].status")
			.isEqualTo(List.of("published", "duplicate", "updated", "linked", "rejected"))
			.jsonPath("$.results[2].revision")
			.isEqualTo(2)
			.jsonPath("$.results[3].linkedTo")
			.isEqualTo("afp:" + uri);

		assertThat(eventsOf("afp:" + uri, 2)).extracting(StoryEvent::revision).containsExactly(1L, 2L);
	}

	@Test
	void aRestartedIngestRebuildsWhatItKnowsFromTheStoriesTopic() {
		String uri = "urn:restart:" + UUID.randomUUID();
		post("afp", version(uri, "41", "Markets close higher", "usable"), "published", 1);
		post("afp", version(uri, "42", "Markets close higher", "withheld"), "killed", 2);

		StoryLedger rebuilt = new StoryLedger(new StorySettings(Duration.ofHours(48)));
		StoriesReplay replay = new StoriesReplay(rebuilt, admin);
		replay.start();
		try {
			await().atMost(Duration.ofSeconds(30)).until(rebuilt::caughtUp);
			StoryState state = rebuilt.state(StoryId.of("afp", uri)).orElseThrow();
			assertThat(state.killed()).isTrue();
			assertThat(state.revision()).isEqualTo(2);
			assertThat(state.sourceVersion()).isEqualTo(42);
		}
		finally {
			replay.stop();
		}
	}

	private void post(String agency, String document, String status, long revision) {
		client.post()
			.uri("/v1/agencies/{agency}/stories", agency)
			.headers(headers -> headers.setBasicAuth(agency, agency + "-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(document)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo(status)
			.jsonPath("$.results[0].revision")
			.isEqualTo(revision);
	}

	private static String version(String uri, String version, String headline, String pubstatus) {
		return """
				{"uri":"%s","standard":{"name":"ninjs","version":"2.1"},"language":"en","headline":"%s",
				"version":"%s","pubstatus":"%s","ednote":"do not publish"}""".formatted(uri, headline, version, pubstatus);
	}

	private List<StoryEvent> eventsOf(String key, int expected) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		List<StoryEvent> found = new ArrayList<>();
		try (KafkaConsumer<String, StoryEvent> consumer = new KafkaConsumer<>(config, new StringDeserializer(),
				new StoryEventDeserializer())) {
			consumer.subscribe(List.of(Topics.STORIES));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, StoryEvent> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(record.value());
					}
				}
				return found.size() >= expected;
			});
			// Anything published after the kill would be in the same partition, right behind it.
			consumer.poll(Duration.ofMillis(500)).forEach(record -> {
				if (key.equals(record.key())) {
					found.add(record.value());
				}
			});
		}
		return found;
	}
}

package news.flashwire.ingest.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
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
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryEventDeserializer;
import news.flashwire.common.story.Urgency;

/** An editor posts, updates, corrects and kills an urgent item; each change is one event, answered with its revision. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class NewsroomIntegrationTests {

	// A fresh headline per item: the same headline twice would be linked to the first item as a near-duplicate.
	private final String ITEM = """
			{"headline":"عاجل | انفجار في مرفأ بيروت %s","edition":"ar","urgency":"urgent","link":"https://example.com/a","category":"world"}"""
		.formatted(UUID.randomUUID());

	@Autowired
	WebTestClient client;

	@org.junit.jupiter.api.BeforeEach
	void patientClient() {
		client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Test
	void anItemGoesThroughItsWholeLifeAsOneEventPerChange() {
		String id = call(HttpMethod.POST, "/v1/newsroom/items", ITEM, null).expectStatus()
			.isCreated()
			.expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody()
			.storyId();
		expect(HttpMethod.PUT, "/v1/newsroom/items/" + id, """
				{"headline":"انفجار في مرفأ بيروت ومقتل 98"}""", 2, "updated");
		expect(HttpMethod.POST, "/v1/newsroom/items/" + id + "/corrections", """
				{"headline":"انفجار في مرفأ بيروت ومقتل 89","note":"the toll was 89"}""", 3, "corrected");
		expect(HttpMethod.POST, "/v1/newsroom/items/" + id + "/kill", """
				{"reason":"legal"}""", 4, "killed");
		call(HttpMethod.PUT, "/v1/newsroom/items/" + id, ITEM, null).expectStatus().isEqualTo(409);

		List<StoryEvent> events = eventsOf(id, 4);
		assertThat(events).extracting(StoryEvent::revision).containsExactly(1L, 2L, 3L, 4L);
		StoryEvent.Published published = (StoryEvent.Published) events.get(0);
		assertThat(published.story().headline()).startsWith("انفجار في مرفأ بيروت");
		assertThat(published.story().urgency()).as("the editor's urgency wins over the prefix").isEqualTo(Urgency.URGENT);
		assertThat(((StoryEvent.Corrected) events.get(2)).correction()).isEqualTo("the toll was 89");
		assertThat(((StoryEvent.Killed) events.get(3)).reason()).isEqualTo("legal");
	}

	@Test
	void anItemPostedTwiceWithOneIdempotencyKeyIsOneItem() {
		String key = UUID.randomUUID().toString();
		NewsroomResponse first = call(HttpMethod.POST, "/v1/newsroom/items", ITEM, key).expectStatus()
			.isCreated()
			.expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody();
		NewsroomResponse second = call(HttpMethod.POST, "/v1/newsroom/items", ITEM, key).expectStatus()
			.isCreated()
			.expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody();

		assertThat(second).as("the first answer, replayed").isEqualTo(first);
		assertThat(eventsOf(first.storyId(), 1)).hasSize(1);
	}

	@Test
	void answersAnIdempotencyKeyReusedForAnotherItemWith422AndPublishesNothing() {
		String key = UUID.randomUUID().toString();
		String id = call(HttpMethod.POST, "/v1/newsroom/items", ITEM, key).expectStatus()
			.isCreated()
			.expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody()
			.storyId();

		call(HttpMethod.POST, "/v1/newsroom/items", ITEM.replace("urgent", "breaking"), key).expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Idempotency-Key is already used");

		List<StoryEvent> events = eventsOf(id, 1);
		assertThat(events).hasSize(1);
		assertThat(((StoryEvent.Published) events.get(0)).story().urgency()).isEqualTo(Urgency.URGENT);
	}

	@Test
	void answersAnUnknownItemWith404() {
		call(HttpMethod.PUT, "/v1/newsroom/items/newsroom:nothing", ITEM, null).expectStatus().isNotFound();
	}

	@Test
	void answersAnItemWithoutHeadlineOrWithABadEditionWith400() {
		call(HttpMethod.POST, "/v1/newsroom/items", "{\"edition\":\"ar\"}", null).expectStatus().isBadRequest();
		call(HttpMethod.POST, "/v1/newsroom/items", "{\"headline\":\"x\",\"edition\":\"Arabic!\"}", null).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesWithoutCredentialAndWithoutTheEditorRole() {
		client.post().uri("/v1/newsroom/items").contentType(MediaType.APPLICATION_JSON).bodyValue(ITEM).exchange()
			.expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		client.post().uri("/v1/newsroom/items").headers(h -> h.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(ITEM).exchange()
			.expectStatus().isForbidden();
		client.post().uri("/v1/newsroom/items").headers(h -> h.setBasicAuth("admin", "admin-secret"))
			.contentType(MediaType.APPLICATION_JSON).bodyValue(ITEM).exchange()
			.expectStatus().isCreated();
	}

	@Test
	void linksAnItemWithTheSameHeadlineToTheFirstOne() {
		String first = call(HttpMethod.POST, "/v1/newsroom/items", ITEM, null).expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody()
			.storyId();

		call(HttpMethod.POST, "/v1/newsroom/items", ITEM.replace("بيروت", "بيروتَ"), null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("linked")
			.jsonPath("$.linkedTo")
			.isEqualTo(first);
	}

	@Test
	void listsAHeldItemWithItsEmbargoAndThenLiveOnceReleased() {
		Instant until = Instant.now().plusSeconds(15);
		String id = call(HttpMethod.POST, "/v1/newsroom/items", withEmbargo(ITEM, until.toString()), null).expectStatus()
			.isCreated()
			.expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody()
			.storyId();

		assertThat(recentItem(id)).containsEntry("state", "held")
			.containsEntry("embargoedUntil", until.toString())
			.containsEntry("revision", 0)
			.doesNotContainKey("alertId")
			.hasEntrySatisfying("headline", headline -> assertThat((String) headline).startsWith("انفجار في مرفأ بيروت"));

		await().atMost(Duration.ofSeconds(45)).untilAsserted(() -> assertThat(recentItem(id)).containsEntry("state", "live")
			.containsEntry("revision", 1)
			.containsEntry("alertId", alertId(id, 1))
			.doesNotContainKey("embargoedUntil"));
	}

	@Test
	void aHeldItemKilledBeforeItsReleaseIsCanceledAndLeavesTheList() {
		String id = call(HttpMethod.POST, "/v1/newsroom/items",
				withEmbargo(ITEM, Instant.now().plus(Duration.ofHours(1)).toString()), null)
			.expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody()
			.storyId();
		assertThat(recentItem(id)).containsEntry("state", "held");

		call(HttpMethod.POST, "/v1/newsroom/items/" + id + "/kill", "{\"reason\":\"legal\"}", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.status")
			.isEqualTo("canceled");

		assertThat(recentItems()).noneMatch(item -> id.equals(item.get("storyId")));
	}

	@Test
	void listsEveryAlertOfAnItemFromTheFirstToTheKill() {
		String id = call(HttpMethod.POST, "/v1/newsroom/items", ITEM, null).expectBody(NewsroomResponse.class)
			.returnResult()
			.getResponseBody()
			.storyId();
		expect(HttpMethod.POST, "/v1/newsroom/items/" + id + "/corrections", "{\"note\":\"the toll was 89\"}", 2,
				"corrected");
		expect(HttpMethod.POST, "/v1/newsroom/items/" + id + "/kill", "{\"reason\":\"legal\"}", 3, "killed");

		Map<String, Object> item = recentItem(id);
		assertThat(item).containsEntry("state", "killed").containsEntry("alertId", alertId(id, 1));
		assertThat(item.get("alerts")).isEqualTo(List.of(
				Map.of("alertId", alertId(id, 1), "revision", 1, "kind", "new"),
				Map.of("alertId", alertId(id, 2), "revision", 2, "kind", "correction"),
				Map.of("alertId", alertId(id, 3), "revision", 3, "kind", "kill")));
	}

	@Test
	void refusesAnEmbargoItCannotReadAndHoldsNothing() {
		String item = ITEM.replace("بيروت", "طرابلس");
		for (String embargo : List.of("tomorrow", "2026-11-29T10:00:00", "", "2026-13-45T99:99:99Z",
				"2026-11-29T10:00:00Z<script>", "9".repeat(5000))) {
			call(HttpMethod.POST, "/v1/newsroom/items", withEmbargo(item, embargo), null).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		call(HttpMethod.POST, "/v1/newsroom/items", item.replace("}", ",\"embargoedUntil\":{\"at\":1}}"), null)
			.expectStatus()
			.isBadRequest();
		assertThat(recentItems()).noneMatch(found -> String.valueOf(found.get("headline")).contains("طرابلس"));
	}

	private static String withEmbargo(String item, String embargo) {
		return item.replace("}", ",\"embargoedUntil\":\"" + embargo + "\"}");
	}

	private static String alertId(String storyId, long revision) {
		return "msg_" + storyId.replaceAll("[^A-Za-z0-9_-]", "_") + "_r" + revision;
	}

	private Map<String, Object> recentItem(String id) {
		List<Map<String, Object>> all = recentItems();
		return all.stream()
			.filter(found -> id.equals(found.get("storyId")))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no item " + id + " in " + all));
	}

	private List<Map<String, Object>> recentItems() {
		return client.get()
			.uri("/v1/newsroom/items?limit=200")
			.headers(headers -> headers.setBasicAuth("editor", "editor-secret"))
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<List<Map<String, Object>>>() {
			})
			.returnResult()
			.getResponseBody();
	}

	private void expect(HttpMethod method, String path, String body, long revision, String status) {
		call(method, path, body, null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.revision")
			.isEqualTo(revision)
			.jsonPath("$.status")
			.isEqualTo(status);
	}

	private WebTestClient.ResponseSpec call(HttpMethod method, String path, String body, String idempotencyKey) {
		return client.method(method)
			.uri(path)
			.headers(headers -> {
				headers.setBasicAuth("editor", "editor-secret");
				if (idempotencyKey != null) {
					headers.set("Idempotency-Key", idempotencyKey);
				}
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
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
			consumer.poll(Duration.ofMillis(300)).forEach(record -> {
				if (key.equals(record.key())) {
					found.add(record.value());
				}
			});
		}
		return found;
	}
}

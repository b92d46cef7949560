package news.flashwire.ingest.embargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.event.Topics;

/** Embargoed stories reach no topic that ticker or push read before their instant, and are released on time. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class EmbargoIntegrationTests {

	@Autowired
	WebTestClient client;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private TopicReader published;

	@AfterEach
	void close() {
		if (published != null) {
			published.close();
		}
	}

	@Test
	void publishesNothingBeforeTheEmbargoAndTheStoryAndAlertRightAfter() {
		published = new TopicReader(bootstrapServers, Topics.STORIES, Topics.ALERTS);
		String uri = "urn:embargo:" + UUID.randomUUID();
		// Far enough ahead that the post is answered before it, even on a loaded machine.
		Instant until = Instant.now().plusSeconds(6).truncatedTo(ChronoUnit.MILLIS);

		post(embargoed(uri, "embargoedUntil", until.toString(), "")).jsonPath("$.results[0].status")
			.isEqualTo("held")
			.jsonPath("$.results[0].embargoedUntil")
			.isEqualTo(until.toString());

		await().atMost(Duration.ofSeconds(15)).until(() -> {
			boolean seen = !published.withKey("afp:" + uri).isEmpty();
			boolean before = Instant.now().isBefore(until);
			assertThat(seen && before).as("published before its embargo").isFalse();
			return !before;
		});
		await().atMost(Duration.ofSeconds(10)).until(() -> published.withKey("afp:" + uri).size() == 2);
		assertThat(published.withKey("afp:" + uri)).allSatisfy(record -> assertThat(Instant.ofEpochMilli(record.timestamp()))
			.as("released on time, within a second")
			.isBetween(until.minusMillis(5), until.plusSeconds(1)));
	}

	@Test
	void aKillBeforeTheReleaseCancelsItAndNothingIsEverPublished() {
		published = new TopicReader(bootstrapServers, Topics.STORIES, Topics.ALERTS);
		String uri = "urn:embargo:" + UUID.randomUUID();
		Instant until = Instant.now().plusSeconds(8);
		post(embargoed(uri, "embargoedUntil", until.toString(), "")).jsonPath("$.results[0].status").isEqualTo("held");

		post(embargoed(uri, "embargoedUntil", until.toString(), ",\"pubStatus\":\"canceled\""))
			.jsonPath("$.results[0].status")
			.isEqualTo("canceled");

		Duration pastTheEmbargo = Duration.between(Instant.now(), until).plusSeconds(2);
		await().during(pastTheEmbargo)
			.atMost(pastTheEmbargo.plusSeconds(10))
			.until(() -> published.withKey("afp:" + uri).isEmpty());
	}

	@Test
	void aStoryKilledWhileHeldNeverComesBackAfterItsEmbargo() {
		published = new TopicReader(bootstrapServers, Topics.STORIES, Topics.ALERTS);
		String uri = "urn:embargo:" + UUID.randomUUID();
		String id = "afp:" + uri;
		Instant until = Instant.now().plusSeconds(8);
		post(embargoed(uri, "embargoedUntil", until.toString(), "")).jsonPath("$.results[0].status").isEqualTo("held");
		post(embargoed(uri, "embargoedUntil", until.toString(), ",\"pubStatus\":\"canceled\""))
			.jsonPath("$.results[0].status")
			.isEqualTo("canceled");
		await().atMost(Duration.ofSeconds(15)).until(() -> Instant.now().isAfter(until));

		post(plain(uri, "1")).jsonPath("$.results[0].status").isEqualTo("already-killed");
		post(plain(uri, "2")).jsonPath("$.results[0].status").isEqualTo("already-killed");
		post(embargoed(uri, "embargoedUntil", Instant.now().plusSeconds(60).toString(), ""))
			.jsonPath("$.results[0].status")
			.isEqualTo("already-killed");

		editor("/v1/newsroom/held", null).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$[?(@.storyId=='" + id + "')]")
			.doesNotExist();
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(3)).until(() -> published.withKey(id).isEmpty());
	}

	@Test
	void aKillOfAHeldNewerVersionAlsoKillsTheVersionAlreadyPublished() {
		published = new TopicReader(bootstrapServers, Topics.STORIES);
		String uri = "urn:embargo:" + UUID.randomUUID();
		String id = "afp:" + uri;
		post(plain(uri, "1")).jsonPath("$.results[0].status").isEqualTo("published");
		String until = Instant.now().plusSeconds(60).toString();
		post(embargoed(uri, "embargoedUntil", until, "").replace("\"version\":\"1\"", "\"version\":\"2\""))
			.jsonPath("$.results[0].status")
			.isEqualTo("held");

		post(embargoed(uri, "embargoedUntil", until, ",\"pubStatus\":\"canceled\"")
			.replace("\"version\":\"1\"", "\"version\":\"2\"")).jsonPath("$.results[0].status").isEqualTo("canceled");

		await().atMost(Duration.ofSeconds(15)).until(() -> published.withKey(id).size() == 2);
		assertThat(published.withKey(id).get(1).value()).contains("\"type\":\"story.killed\"").doesNotContain("Embargoed results");
		editor("/v1/newsroom/held/" + id + "/release", "").expectStatus().isNotFound();
		post(plain(uri, "3")).jsonPath("$.results[0].status").isEqualTo("already-killed");
	}

	@Test
	void holdsAnEmbargoWithoutZoneForAnEditorWhoReleasesIt() {
		published = new TopicReader(bootstrapServers, Topics.STORIES);
		String uri = "urn:embargo:" + UUID.randomUUID();
		String id = "afp:" + uri;
		post(embargoed(uri, "embargoed", "2026-11-29T10:00:00", "")).jsonPath("$.results[0].status")
			.isEqualTo("held-for-editor");

		editor("/v1/newsroom/held", null).expectStatus().isOk().expectBody().jsonPath("$[?(@.storyId=='" + id + "')].status")
			.isEqualTo("held-for-editor");
		assertThat(published.withKey(id)).isEmpty();

		editor("/v1/newsroom/held/" + id + "/release", "").expectStatus().isOk().expectBody().jsonPath("$.status")
			.isEqualTo("published");
		await().atMost(Duration.ofSeconds(15)).until(() -> published.withKey(id).size() == 1);
		editor("/v1/newsroom/held/" + id + "/release", "").expectStatus().isNotFound();
	}

	@Test
	void holdsNoEmbargoedVersionThatIsAlreadyPublicOrOlder() {
		String uri = "urn:embargo:" + UUID.randomUUID();
		post(plain(uri, "2")).jsonPath("$.results[0].status").isEqualTo("published");
		String until = Instant.now().plusSeconds(60).toString();

		post(embargoed(uri, "embargoedUntil", until, "").replace("\"version\":\"1\"", "\"version\":\"2\""))
			.jsonPath("$.results[0].status").isEqualTo("duplicate");
		post(embargoed(uri, "embargoedUntil", until, "")).jsonPath("$.results[0].status").isEqualTo("stale");
		editor("/v1/newsroom/held", null).expectStatus().isOk().expectBody()
			.jsonPath("$[?(@.storyId=='afp:" + uri + "')]").isEmpty();
	}

	@Test
	void releasesOrKillsAHeldStoryWhoseIdIsAUrlByQueryParameter() {
		published = new TopicReader(bootstrapServers, Topics.STORIES);
		String released = "afp:https://example.com/news/" + UUID.randomUUID();
		String killed = "afp:https://example.com/news/" + UUID.randomUUID();
		for (String id : List.of(released, killed)) {
			post(embargoed(id.substring(4), "embargoed", "2026-11-29T10:00:00", "")).jsonPath("$.results[0].status")
				.isEqualTo("held-for-editor");
		}

		editor("/v1/newsroom/held/release?storyId=" + released, "").expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("published");
		editor("/v1/newsroom/held/kill?storyId=" + killed, "").expectStatus().isOk().expectBody()
			.jsonPath("$.status").isEqualTo("canceled");

		await().atMost(Duration.ofSeconds(15)).until(() -> published.withKey(released).size() == 1);
		editor("/v1/newsroom/held/release?storyId=" + killed, "").expectStatus().isNotFound();
		assertThat(published.withKey(killed)).isEmpty();
	}

	@Test
	void aNewsroomItemWithAnEmbargoIsHeldAndItsKillCancelsIt() {
		published = new TopicReader(bootstrapServers, Topics.STORIES, Topics.ALERTS);
		Instant until = Instant.now().plusSeconds(60).truncatedTo(ChronoUnit.SECONDS);
		java.util.Map<String, Object> held = editor("/v1/newsroom/items", """
				{"headline":"Embargoed report %s","edition":"en","urgency":"breaking","embargoedUntil":"%s"}"""
			.formatted(UUID.randomUUID(), until)).expectStatus()
			.isCreated()
			.expectBody(new org.springframework.core.ParameterizedTypeReference<java.util.Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		assertThat(held).containsEntry("status", "held").containsEntry("embargoedUntil", until.toString());
		String id = (String) held.get("storyId");

		editor("/v1/newsroom/items/" + id + "/kill", """
				{"reason":"legal"}""").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("canceled");

		editor("/v1/newsroom/held/" + id + "/release", "").expectStatus().isNotFound();
		assertThat(published.withKey(id)).isEmpty();
	}

	@Test
	void refusesANewsroomEmbargoWithoutZone() {
		editor("/v1/newsroom/items", """
				{"headline":"No zone %s","edition":"en","embargoedUntil":"2026-11-29T10:00:00"}"""
			.formatted(UUID.randomUUID())).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.BodyContentSpec post(String document) {
		return client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(document)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody();
	}

	private WebTestClient.ResponseSpec editor(String path, String body) {
		WebTestClient.RequestBodySpec request = client.method(body == null ? org.springframework.http.HttpMethod.GET
				: org.springframework.http.HttpMethod.POST).uri(path).headers(headers -> headers.setBasicAuth("editor", "editor-secret"));
		if (body == null) {
			return request.exchange();
		}
		return request.contentType(MediaType.APPLICATION_JSON).bodyValue(body.isEmpty() ? "{}" : body).exchange();
	}

	static String plain(String uri, String version) {
		return """
				{"uri":"%s","standard":{"name":"ninjs","version":"3.0"},"language":"en",
				"headlines":[{"role":"main","value":"Results %s"}],"urgency":1,"version":"%s"}""".formatted(uri,
				UUID.randomUUID(), version);
	}

	static String embargoed(String uri, String field, String embargo, String extra) {
		return """
				{"uri":"%s","standard":{"name":"ninjs","version":"3.0"},"language":"en",
				"headlines":[{"role":"main","value":"Embargoed results %s"}],"urgency":1,"version":"1",
				"%s":"%s"%s}""".formatted(uri, UUID.randomUUID(), field, embargo, extra);
	}
}

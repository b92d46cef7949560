package news.flashwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.story.StoryEvent;

/**
 * Feeds served from 127.0.0.1 and polled by a running ingest against the real broker: what reaches the stories topic,
 * and what operators see in the {@code feeds} health details.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
@DirtiesContext
class FeedPollingIntegrationTests {

	private static final FeedServer server = new FeedServer();

	private static final AtomicInteger sourceCount = new AtomicInteger();

	private static final String RSS = Feeds.uniqueName("rss");

	private static final String ATOM = Feeds.uniqueName("atom");

	private static final String REPEATED = Feeds.uniqueName("moe");

	private static final String HANGING = Feeds.uniqueName("hanging");

	private static final String STALLING = Feeds.uniqueName("stalling");

	private static final String LIVELY = Feeds.uniqueName("lively");

	private static final String CHANGING = Feeds.uniqueName("changing");

	private static final String DATED = Feeds.uniqueName("dated");

	private static final String DATE = "Sun, 29 Nov 2026 10:00:00 GMT";

	private static final Map<String, String> HOSTILE = Map.of(Feeds.uniqueName("xxe"), "DOCTYPE",
			Feeds.uniqueName("dtd"), "DOCTYPE", Feeds.uniqueName("laughs"), "DOCTYPE", Feeds.uniqueName("malformed"),
			"not a readable RSS or Atom document", Feeds.uniqueName("html"), "not a readable RSS or Atom document",
			Feeds.uniqueName("oversized"), "larger than 65536 bytes", Feeds.uniqueName("offhost"),
			"redirected to another host", Feeds.uniqueName("broken"), "answered HTTP 500");

	@DynamicPropertySource
	static void feeds(DynamicPropertyRegistry registry) {
		registry.add("flashwire.ingest.feeds.max-size", () -> "64KB");
		registry.add("flashwire.ingest.feeds.concurrency", () -> "4");
		server.serve("/rss", Feeds.real("rss_2.0.xml"), "application/rss+xml");
		source(registry, RSS, "/rss", "300ms", "guid", null);
		server.serve("/atom", Feeds.real("atom_1.0.xml"), "application/atom+xml");
		source(registry, ATOM, "/atom", "300ms", "guid", null);
		server.serve("/moe", Feeds.real("issue137-rss.xml"), "application/rss+xml");
		source(registry, REPEATED, "/moe", "300ms", "title-and-date", null);
		server.hang("/hanging");
		source(registry, HANGING, "/hanging", "1s", "guid", "300s");
		server.hang("/stalling");
		source(registry, STALLING, "/stalling", "1s", "guid", "300ms");
		server.serve("/lively", Feeds.rss("Lively first", "Lively second"), "application/rss+xml");
		source(registry, LIVELY, "/lively", "100ms", "guid", null);
		server.serve("/changing", Feeds.rssOf("d", Feeds.item("quake", "Quake hits the coast"),
				Feeds.item("markets", "Markets steady")), "application/rss+xml");
		source(registry, CHANGING, "/changing", "200ms", "guid", null);
		server.serveDated("/dated", Feeds.rss("Dated first", "Dated second"), "application/rss+xml", DATE);
		source(registry, DATED, "/dated", "200ms", "guid", null);
		hostile(registry);
	}

	private static void hostile(DynamicPropertyRegistry registry) {
		HOSTILE.keySet().forEach(name -> source(registry, name, "/" + name, "500ms", "guid", null));
		for (String name : HOSTILE.keySet()) {
			String path = "/" + name;
			if (name.startsWith("xxe")) {
				server.serve(path, Feeds.externalEntity(), "application/rss+xml");
			}
			else if (name.startsWith("dtd")) {
				server.serve(path, Feeds.externalDtd(server.url("/evil.dtd")), "application/rss+xml");
			}
			else if (name.startsWith("laughs")) {
				server.serve(path, Feeds.billionLaughs(), "application/rss+xml");
			}
			else if (name.startsWith("malformed")) {
				server.serve(path, Feeds.malformed(), "application/rss+xml");
			}
			else if (name.startsWith("html")) {
				server.serve(path, Feeds.notAFeed(), "text/html");
			}
			else if (name.startsWith("oversized")) {
				server.serve(path, Feeds.large(400), "application/rss+xml");
			}
			else if (name.startsWith("offhost")) {
				server.redirect(path, server.url("/rss").replace("127.0.0.1", "localhost"));
			}
			else {
				server.fail(path, 500);
			}
		}
	}

	private static void source(DynamicPropertyRegistry registry, String name, String path, String interval,
			String identity, String timeout) {
		String prefix = "flashwire.ingest.feeds.sources[" + sourceCount.getAndIncrement() + "].";
		String edition = Feeds.uniqueEdition();
		registry.add(prefix + "name", () -> name);
		registry.add(prefix + "url", () -> server.url(path));
		registry.add(prefix + "edition", () -> edition);
		registry.add(prefix + "interval", () -> interval);
		registry.add(prefix + "identity", () -> identity);
		if (timeout != null) {
			registry.add(prefix + "timeout", () -> timeout);
		}
	}

	@Autowired
	WebTestClient client;

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	private StoriesTopic stories;

	@BeforeEach
	void readStories() {
		stories = new StoriesTopic(bootstrapServers);
	}

	@AfterEach
	void closeStories() {
		stories.close();
	}

	@AfterAll
	static void stopServer() {
		server.close();
	}

	@Test
	void publishesEachItemOnceAndNothingWhenTheFeedAnswersNotModified() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stories.headlinesOf(RSS)).containsExactlyInAnyOrder(
					"rss_2.0.channel.item[0].title", "rss_2.0.channel.item[1].title"));
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stories.headlinesOf(ATOM))
				.containsExactlyInAnyOrder("atom_1.0.feed.entry[0].title", "atom_1.0.feed.entry[1].title"));

		int before = server.requestsTo("/rss").size();
		await().atMost(Duration.ofSeconds(20)).until(() -> server.requestsTo("/rss").size() >= before + 3);

		List<FeedServer.Request> polls = server.requestsTo("/rss");
		assertThat(polls.get(0).ifNoneMatch()).as("the first poll is unconditional").isNull();
		assertThat(polls.subList(1, polls.size())).extracting(FeedServer.Request::ifNoneMatch)
			.as("later polls send the ETag read, and get 304")
			.doesNotContainNull();
		assertThat(stories.of(RSS)).hasSize(2);
		assertThat(stories.of(RSS)).allMatch(StoryEvent.Published.class::isInstance);
		assertThat(sourceStatus(RSS)).containsEntry("published", 2).containsEntry("failuresInARow", 0);
	}

	@Test
	void aFeedWithOnlyALastModifiedDateIsPolledWithIfModifiedSince() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stories.headlinesOf(DATED)).containsExactlyInAnyOrder("Dated first",
					"Dated second"));
		int before = server.requestsTo("/dated").size();
		await().atMost(Duration.ofSeconds(20)).until(() -> server.requestsTo("/dated").size() >= before + 3);

		List<FeedServer.Request> polls = server.requestsTo("/dated");
		assertThat(polls.get(0).ifModifiedSince()).as("the first poll is unconditional").isNull();
		assertThat(polls.subList(1, polls.size())).extracting(FeedServer.Request::ifModifiedSince)
			.as("later polls send the date read, and get 304")
			.containsOnly(DATE);
		assertThat(polls).extracting(FeedServer.Request::ifNoneMatch).containsOnlyNulls();
		assertThat(stories.of(DATED)).hasSize(2);
	}

	@Test
	void anItemWhoseTitleChangesBecomesOneUpdateOfItsStoryAndAnUnchangedItemNothing() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stories.headlinesOf(CHANGING))
				.containsExactlyInAnyOrder("Quake hits the coast", "Markets steady"));
		StoryEvent.Published quake = (StoryEvent.Published) stories.of(CHANGING)
			.stream()
			.filter(event -> event.storyId().value().equals(CHANGING + ":quake"))
			.findFirst()
			.orElseThrow();

		server.serve("/changing", Feeds.rssOf("d", Feeds.item("quake", "Quake hits the coast, 12 dead"),
				Feeds.item("markets", "Markets steady")), "application/rss+xml");

		await().atMost(Duration.ofSeconds(20)).until(() -> stories.of(CHANGING).size() >= 3);
		assertThat(stories.of(CHANGING)).hasSize(3).last().isInstanceOfSatisfying(StoryEvent.Updated.class, update -> {
			assertThat(update.storyId()).isEqualTo(quake.storyId());
			assertThat(update.story().headline()).isEqualTo("Quake hits the coast, 12 dead");
			assertThat(update.revision()).isGreaterThan(quake.revision());
		});

		// The same items again, in a document with another ETag: read, and nothing changed.
		byte[] again = Feeds.rssOf("d, again", Feeds.item("quake", "Quake hits the coast, 12 dead"),
				Feeds.item("markets", "Markets steady"));
		server.serve("/changing", again, "application/rss+xml");
		await().atMost(Duration.ofSeconds(20))
			.alias("the document was read and taken: later polls send its ETag")
			.until(() -> server.requestsTo("/changing")
				.stream()
				.anyMatch(request -> FeedServer.etagOf(again).equals(request.ifNoneMatch())));

		await().during(Duration.ofSeconds(1))
			.atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(stories.of(CHANGING)).hasSize(3));
		assertThat(sourceStatus(CHANGING)).containsEntry("published", 2).containsEntry("failuresInARow", 0);
	}

	@Test
	void aFeedThatRepeatsItsGuidYieldsDistinctStoriesWhenIdentifiedByTitleAndDate() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stories.headlinesOf(REPEATED)).containsExactlyInAnyOrder(
					"Single-Session Primary Schools", "Work Plan Seminar 2009", "Recognising School Achievements in 2009",
					"New Programmes in Special Assistance Plan (SAP) Schools"));
		await().during(Duration.ofSeconds(1)).atMost(Duration.ofSeconds(5)).until(() -> stories.of(REPEATED).size() == 4);
	}

	@Test
	void aHangingFeedDoesNotDelayTheOthers() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(stories.headlinesOf(LIVELY)).containsExactlyInAnyOrder("Lively first",
					"Lively second"));
		await().atMost(Duration.ofSeconds(20)).until(() -> server.requestsTo("/lively").size() >= 10);

		assertThat(server.requestsTo("/hanging")).as("the hanging feed was asked once and has not answered").hasSize(1);
		assertThat(server.hangingNow()).isPositive();
		assertThat(sourceStatus(HANGING)).as("its first poll has not ended").isEmpty();
	}

	@Test
	void aFeedThatDoesNotAnswerInTimeIsARecordedError() {
		await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(sourceStatus(STALLING)).containsEntry("lastError",
					"no complete answer within PT0.3S"));
		assertThat((Integer) sourceStatus(STALLING).get("failuresInARow")).isPositive();
		assertThat(stories.of(STALLING)).isEmpty();
	}

	@Test
	void hostileMalformedOversizedAndRedirectedFeedsAreRecordedErrorsAndPublishNothing() {
		HOSTILE.forEach((name, error) -> await().atMost(Duration.ofSeconds(20))
			.untilAsserted(() -> assertThat(sourceStatus(name)).as(name)
				.hasEntrySatisfying("lastError", message -> assertThat((String) message).contains(error))
				.containsEntry("published", 0)));

		HOSTILE.keySet().forEach(name -> assertThat(stories.of(name)).as(name).isEmpty());
		assertThat(server.requestsTo("/evil.dtd")).as("no external DTD fetched").isEmpty();
		assertThat(server.requestsTo("/rss").stream().filter(request -> request.ifNoneMatch() == null).count())
			.as("the off-host redirect was not followed (only the rss source's own first poll is unconditional)")
			.isLessThanOrEqualTo(1);
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
	}

	private Map<String, Object> sourceStatus(String name) {
		Map<String, Object> health = client.get()
			.uri("/actuator/health/feeds")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(new ParameterizedTypeReference<Map<String, Object>>() {
			})
			.returnResult()
			.getResponseBody();
		@SuppressWarnings("unchecked")
		Map<String, Map<String, Object>> sources = (Map<String, Map<String, Object>>) ((Map<String, Object>) health
			.get("details")).get("sources");
		return sources.getOrDefault(name, Map.of());
	}
}

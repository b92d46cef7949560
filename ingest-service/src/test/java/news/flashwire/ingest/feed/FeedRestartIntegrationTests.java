package news.flashwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import news.flashwire.ingest.IngestApplication;

/**
 * The poller's state outlives it: an ingest started on the same broker after another stopped knows the ETag and the
 * items taken, so it neither publishes an item again nor misses one that appeared while no poller ran.
 */
class FeedRestartIntegrationTests {

	private final String bootstrapServers = System.getProperty("spring.kafka.bootstrap-servers");

	private final FeedServer server = new FeedServer();

	private final StoriesTopic stories = new StoriesTopic(bootstrapServers);

	private final String source = Feeds.uniqueName("wire");

	private final String edition = Feeds.uniqueEdition();

	@AfterEach
	void close() {
		stories.close();
		server.close();
	}

	@Test
	void aRestartedPollerNeitherRepublishesNorMissesAnItem() {
		server.serve("/wire", Feeds.rss("Cabinet meets at noon", "Storm reaches the coast"), "application/rss+xml");
		try (ConfigurableApplicationContext first = start()) {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(stories.headlinesOf(source))
					.containsExactlyInAnyOrder("Cabinet meets at noon", "Storm reaches the coast"));
			await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsTo("/wire").size() >= 2);
		}
		server.serve("/wire", Feeds.rss("Cabinet meets at noon", "Storm reaches the coast", "Ports reopen after the storm"),
				"application/rss+xml");
		int before = server.requestsTo("/wire").size();

		try (ConfigurableApplicationContext second = start()) {
			await().atMost(Duration.ofSeconds(20))
				.untilAsserted(() -> assertThat(stories.headlinesOf(source)).containsExactlyInAnyOrder(
						"Cabinet meets at noon", "Storm reaches the coast", "Ports reopen after the storm"));
			await().atMost(Duration.ofSeconds(10)).until(() -> server.requestsTo("/wire").size() >= before + 3);

			List<FeedServer.Request> afterRestart = server.requestsTo("/wire").subList(before, before + 3);
			assertThat(afterRestart.get(0).ifNoneMatch()).as("the ETag read before the restart")
				.isEqualTo(server.requestsTo("/wire").get(1).ifNoneMatch())
				.isNotNull();
			assertThat(afterRestart.get(2).ifNoneMatch()).as("the ETag of the new document").isNotNull()
				.isNotEqualTo(afterRestart.get(0).ifNoneMatch());
			assertThat(stories.of(source)).as("three stories, each published once").hasSize(3);
		}
	}

	private ConfigurableApplicationContext start() {
		String prefix = "--flashwire.ingest.feeds.sources[0].";
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
				prefix + "name=" + source, prefix + "url=" + server.url("/wire"), prefix + "edition=" + edition,
				prefix + "interval=200ms");
	}
}

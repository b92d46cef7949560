package news.flashwire.ingest.embargo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.event.Topics;
import news.flashwire.ingest.IngestApplication;

/**
 * A held story outlives the ingest instance that held it: the next one, started on the same broker, releases it on time,
 * and a story killed while held stays killed (one restart for both, each wait for an embargo being long).
 */
class EmbargoRestartIntegrationTests {

	private final String bootstrapServers = System.getProperty("spring.kafka.bootstrap-servers");

	@Test
	void releasesAStoryHeldBeforeARestartOfIngestAndKeepsAKillMadeWhileHeld() {
		String released = "urn:embargo:" + UUID.randomUUID();
		String killed = "urn:embargo:" + UUID.randomUUID();
		Instant until;
		try (ConfigurableApplicationContext first = start()) {
			// Room for a cold instance's first transactions and its shutdown on a loaded machine, before the embargo ends.
			until = Instant.now().plusSeconds(20);
			post(first, EmbargoIntegrationTests.embargoed(released, "embargoedUntil", until.toString(), ""), "held");
			post(first, EmbargoIntegrationTests.embargoed(killed, "embargoedUntil", until.toString(), ""), "held");
			post(first, EmbargoIntegrationTests.embargoed(killed, "embargoedUntil", until.toString(),
					",\"pubStatus\":\"canceled\""), "canceled");
		}
		assertThat(Instant.now()).as("the first instance stopped before the embargo ended").isBefore(until);

		try (ConfigurableApplicationContext second = start();
				TopicReader published = new TopicReader(bootstrapServers, Topics.STORIES)) {
			await().atMost(Duration.ofSeconds(40)).until(() -> published.withKey("afp:" + released).size() == 1);
			assertThat(Instant.ofEpochMilli(published.withKey("afp:" + released).get(0).timestamp()))
				.isAfterOrEqualTo(until.minusMillis(5));

			post(second, EmbargoIntegrationTests.plain(killed, "1"), "already-killed");
			await().during(Duration.ofSeconds(1))
				.until(() -> published.withKey("afp:" + released).size() == 1
						&& published.withKey("afp:" + killed).isEmpty());
		}
	}

	private static void post(ConfigurableApplicationContext context, String document, String status) {
		client(context).post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(document)
			.exchange()
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo(status);
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.kafka.bootstrap-servers=" + bootstrapServers);
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		return WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
	}
}

package news.flashwire.ingest.credential;

import static news.flashwire.ingest.credential.CredentialAdminIntegrationTests.as;
import static news.flashwire.ingest.credential.CredentialAdminIntegrationTests.asAdmin;
import static news.flashwire.ingest.credential.CredentialAdminIntegrationTests.freshName;
import static news.flashwire.ingest.credential.CredentialAdminIntegrationTests.secretOf;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.ingest.IngestApplication;
import news.flashwire.ingest.agency.AgencyStories;

/**
 * Credentials live in Kafka: one made on an instance works on another, a rotation there stops the old secret here
 * within moments, and a new instance on the same broker knows them all. Nothing logs a secret or a hash, even with
 * the web and security layers logging at debug level.
 */
@ExtendWith(OutputCaptureExtension.class)
class CredentialRestartIntegrationTests {

	private final String bootstrapServers = System.getProperty("spring.kafka.bootstrap-servers");

	@Test
	void aCredentialChangedOnOneInstanceChangesOnEveryInstanceAndOutlivesThem(CapturedOutput output) {
		String agency = freshName();
		String chosen = "Zx9!qL2#wE5$rT8%yU1^" + UUID.randomUUID();
		String made;
		String rotated;
		try (ConfigurableApplicationContext first = start(); ConfigurableApplicationContext second = start()) {
			made = secretOf(client(first).post()
				.uri("/v1/admin/credentials")
				.headers(asAdmin())
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("name", agency, "role", "agency"))
				.exchange());
			await().atMost(Duration.ofSeconds(30)).until(() -> status(second, agency, made) == 202);

			rotated = client(first).post()
				.uri("/v1/admin/credentials/{name}/rotate", agency)
				.headers(asAdmin())
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(CredentialView.class)
				.returnResult()
				.getResponseBody()
				.secret();
			await().atMost(Duration.ofSeconds(30)).until(() -> status(second, agency, made) == 401);
			assertThat(status(second, agency, rotated)).isEqualTo(202);

			client(second).post()
				.uri("/v1/admin/credentials")
				.headers(asAdmin())
				.contentType(MediaType.APPLICATION_JSON)
				// As bytes: this test's own client would log a map or a string it encodes, with the secret.
				.bodyValue(("{\"name\":\"" + agency + "-desk\",\"role\":\"editor\",\"secret\":\"" + chosen + "\"}")
					.getBytes(StandardCharsets.UTF_8))
				.exchange()
				.expectStatus()
				.isCreated();
		}

		try (ConfigurableApplicationContext restarted = start()) {
			assertThat(status(restarted, agency, rotated)).isEqualTo(202);
			assertThat(status(restarted, agency, made)).isEqualTo(401);
			client(restarted).get()
				.uri("/v1/admin/credentials/{name}", agency + "-desk")
				.headers(as(agency + "-desk", chosen))
				.exchange()
				.expectStatus()
				.isForbidden();

			client(restarted).delete()
				.uri("/v1/admin/credentials/{name}", agency)
				.headers(asAdmin())
				.exchange()
				.expectStatus()
				.isNoContent();
			assertThat(status(restarted, agency, rotated)).isEqualTo(401);
		}

		assertThat(output.getAll()).contains("Credential " + agency + " rotated by admin")
			.doesNotContain(made, rotated, chosen, "$2a$", "{bcrypt}");
	}

	private int status(ConfigurableApplicationContext instance, String agency, String secret) {
		return client(instance).post()
			.uri("/v1/agencies/{agency}/stories", agency)
			.headers(as(agency, secret))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.ninjs3(AgencyStories.uniqueUri(), "en", "Budget vote " + UUID.randomUUID(), 5))
			.exchange()
			.expectBody()
			.returnResult()
			.getStatus()
			.value();
	}

	private ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(IngestApplication.class).run("--server.port=0",
				"--server.address=127.0.0.1", "--spring.kafka.bootstrap-servers=" + bootstrapServers,
				"--logging.level.org.springframework.web=DEBUG", "--logging.level.org.springframework.http=DEBUG",
				"--logging.level.org.springframework.security=DEBUG", "--logging.level.news.flashwire=DEBUG");
	}

	private static WebTestClient client(ConfigurableApplicationContext context) {
		String port = context.getEnvironment().getProperty("local.server.port");
		// The first change on an instance also starts its transactional producer: on a busy machine, seconds.
		return WebTestClient.bindToServer()
			.baseUrl("http://127.0.0.1:" + port)
			.responseTimeout(Duration.ofSeconds(30))
			.build();
	}
}

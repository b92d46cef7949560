package news.flashwire.ingest.desk;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webclient.autoconfigure.WebClientAutoConfiguration;
import org.springframework.boot.webflux.autoconfigure.WebSessionIdResolverAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.ingest.system.SecurityConfiguration;

/**
 * An editor reads an alert's delivery progress through ingest, which asks push-service with the audit token the
 * browser never sees; what push-service cannot answer is a 502 problem, and what is not an alert id a 400.
 */
@WebFluxTest(controllers = DeliveryProgressController.class)
@Import({ SecurityConfiguration.class, DeskSecurity.class, PushAudit.class })
@ImportAutoConfiguration({ WebSessionIdResolverAutoConfiguration.class, WebClientAutoConfiguration.class })
@EnableConfigurationProperties(DeskSettings.class)
class DeliveryProgressTests {

	private static final FakePushAudit PUSH = start();

	@Autowired
	WebTestClient client;

	@DynamicPropertySource
	static void push(DynamicPropertyRegistry registry) {
		registry.add("flashwire.ingest.newsroom.push-url", PUSH::url);
		registry.add("flashwire.ingest.newsroom.push-audit-token", () -> FakePushAudit.TOKEN);
	}

	@AfterAll
	static void stop() {
		PUSH.close();
	}

	@Test
	void showsAnEditorTheProgressOfAnAlertReadWithTheAuditToken() {
		String body = editor(FakePushAudit.KNOWN).expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.alertId").isEqualTo(FakePushAudit.KNOWN)
			.jsonPath("$.matched").isEqualTo(5)
			.jsonPath("$.delivered").isEqualTo(2)
			.jsonPath("$.retrying").isEqualTo(1)
			.jsonPath("$.failed").isEqualTo(2)
			.jsonPath("$.removed").isEqualTo(1)
			.jsonPath("$.lastAt").isEqualTo("2026-11-29T10:00:06Z")
			.returnResult()
			.toString();

		assertThat(PUSH.authorizations()).contains("Bearer " + FakePushAudit.TOKEN);
		assertThat(body).doesNotContain(FakePushAudit.TOKEN);
	}

	@Test
	void answersNoDeliveriesYetForAnAlertPushServiceHasNotRecorded() {
		editor("msg_newsroom_unknown_r3").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.matched").isEqualTo(0)
			.jsonPath("$.delivered").isEqualTo(0)
			.jsonPath("$.lastAt").doesNotExist();
	}

	@Test
	void answers502WhenPushServiceFailsOrSendsGarbage() {
		for (String alert : List.of(FakePushAudit.BROKEN, FakePushAudit.GARBAGE)) {
			editor(alert).expectStatus()
				.isEqualTo(502)
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
				.expectBody()
				.jsonPath("$.title").isEqualTo("Deliveries unavailable");
		}
	}

	@Test
	void refusesWhatIsNotAnAlertIdWithoutAskingPushService() {
		int asked = PUSH.authorizations().size();
		for (String hostile : List.of("not-an-alert", "msg__r1", "msg_a_r", "msg_a_r1.json", "msg_a_r1 ",
				"msg_a<script>_r1", "msg_ا_r1", "msg_a_r1234567890123456789", "msg_" + "a".repeat(400) + "_r1")) {
			editor(hostile).expectStatus()
				.isBadRequest()
				.expectHeader()
				.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		// What the server's firewall refuses before any controller sees it.
		for (String path : List.of("/v1/newsroom/alerts/msg_a_r1%2F..%2F..%2Factuator/deliveries",
				"/v1/newsroom/alerts/../deliveries", "/v1/newsroom/alerts/msg_a_r1;drop/deliveries")) {
			client.get()
				.uri(java.net.URI.create(path))
				.headers(headers -> headers.setBasicAuth("editor", "editor-secret"))
				.exchange()
				.expectStatus()
				.is4xxClientError();
		}
		assertThat(PUSH.authorizations()).hasSize(asked);
	}

	@Test
	void refusesAnyoneButEditors() {
		client.get().uri("/v1/newsroom/alerts/{id}/deliveries", FakePushAudit.KNOWN).exchange()
			.expectStatus().isUnauthorized();
		client.get().uri("/v1/newsroom/alerts/{id}/deliveries", FakePushAudit.KNOWN)
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.exchange()
			.expectStatus().isForbidden();
	}

	private WebTestClient.ResponseSpec editor(String alertId) {
		return client.get()
			.uri("/v1/newsroom/alerts/{id}/deliveries", alertId)
			.headers(headers -> headers.setBasicAuth("editor", "editor-secret"))
			.exchange();
	}

	private static FakePushAudit start() {
		try {
			return new FakePushAudit();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

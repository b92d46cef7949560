package news.flashwire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.reactive.function.client.WebClient;

import com.standardwebhooks.Webhook;

import reactor.test.StepVerifier;

import news.flashwire.push.delivery.webhook.WebhookReceiver;

/**
 * The three services and one broker, as {@code ./flashwire} runs them: a story posted to ingest reaches a live SSE
 * reader of the ticker with its id, and an urgent one reaches a partner's webhook with a valid signature.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(RunningFlashwire.class)
class EndToEndIntegrationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private LocalFlashwire flashwire;

	private WebhookReceiver partner;

	@BeforeAll
	void startAPartner(LocalFlashwire running) throws Exception {
		flashwire = running;
		partner = new WebhookReceiver();
	}

	@AfterAll
	void stopThePartner() {
		partner.close();
	}

	@Test
	void aPostedStoryReachesALiveTickerReaderWithItsId() {
		String headline = "انفجار في الميناء " + UUID.randomUUID().toString().substring(0, 6);

		// Only this story's events: another test's story may still be on its way to the same edition.
		StepVerifier
			.create(tickerStream("ar").filter(event -> event.event().equals("snapshot") || event.data().contains(headline)))
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.then(() -> postStory("ar", headline, 5))
			.assertNext(event -> {
				assertThat(event.event()).isEqualTo("added");
				assertThat(event.id()).matches("\\d+");
				assertThat(event.data()).contains(headline);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(60));
	}

	@Test
	void anUrgentStoryReachesASubscribedWebhookWithAValidSignature() throws Exception {
		// English: the newsroom test, on the same system, counts the subscribers its Arabic items match.
		String secret = field(flashwire.subscribe("{\"url\":\"" + partner.url() + "\",\"editions\":[\"en\"]}").body(),
				"secret");

		String headline = "Earthquake strikes southern Turkey " + UUID.randomUUID().toString().substring(0, 6);
		postStory("en", headline, 1);

		await().atMost(Duration.ofSeconds(60))
			.until(() -> partner.received().stream().anyMatch(delivery -> delivery.body().contains(headline)));
		WebhookReceiver.Received delivery = partner.received()
			.stream()
			.filter(received -> received.body().contains(headline))
			.findFirst()
			.orElseThrow();
		assertThat(delivery.header("webhook-id")).startsWith("msg_");
		new Webhook(secret).verify(delivery.body(), delivery.headers());
	}

	@Test
	void everyServiceReportsLivenessAndPrometheusMetrics() {
		for (int port : new int[] { flashwire.ingestPort(), flashwire.tickerPort(), flashwire.pushPort() }) {
			assertThat(LocalFlashwire.get(port, "/actuator/health/liveness").statusCode()).isEqualTo(200);
			HttpResponse<String> metrics = LocalFlashwire.get(port, "/actuator/prometheus");
			assertThat(metrics.statusCode()).isEqualTo(200);
			assertThat(metrics.body()).contains("jvm_memory_used_bytes").contains("http_server_requests");
		}
	}

	private void postStory(String language, String headline, int urgency) {
		String story = """
				{"uri":"urn:test:e2e-%s","standard":{"name":"ninjs","version":"3.0"},"type":"text","language":"%s",\
				"headlines":[{"role":"main","value":"%s"}],"urgency":%d,"version":"1"}"""
			.formatted(UUID.randomUUID(), language, headline, urgency);
		HttpResponse<String> accepted = LocalFlashwire.postAsAfp(flashwire.ingestPort(), story);
		assertThat(accepted.statusCode()).as(accepted::body).isEqualTo(202);
	}

	private reactor.core.publisher.Flux<ServerSentEvent<String>> tickerStream(String edition) {
		return WebClient.create("http://127.0.0.1:" + flashwire.tickerPort())
			.get()
			.uri("/v1/editions/{edition}/stream", edition)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(SSE)
			.filter(event -> event.event() != null);
	}

	private static String field(String json, String name) {
		var matcher = java.util.regex.Pattern.compile("\"" + name + "\":\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return matcher.group(1);
	}
}

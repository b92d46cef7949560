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
class EndToEndIntegrationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private final LocalFlashwire flashwire = new LocalFlashwire();

	private WebhookReceiver partner;

	@BeforeAll
	void startTheSystem() throws Exception {
		partner = new WebhookReceiver();
		flashwire.launch("end-to-end", "--push.flashwire.push.webhook.allowed-networks=127.0.0.1/32");
	}

	@AfterAll
	void stopTheSystem() {
		flashwire.close();
		partner.close();
	}

	@Test
	void aPostedStoryReachesALiveTickerReaderWithItsId() {
		String headline = "انفجار في الميناء " + UUID.randomUUID().toString().substring(0, 6);

		// Only this story's events: another test's story may still be on its way to the same edition.
		StepVerifier
			.create(tickerStream("ar").filter(event -> event.event().equals("snapshot") || event.data().contains(headline)))
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.then(() -> postStory(headline, 5))
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
		HttpResponse<String> subscribed = LocalFlashwire.post(flashwire.pushPort(), "/v1/subscriptions",
				"{\"url\":\"" + partner.url() + "\",\"editions\":[\"ar\"]}");
		assertThat(subscribed.statusCode()).as(subscribed::body).isEqualTo(201);
		String secret = field(subscribed.body(), "secret");
		await().atMost(Duration.ofSeconds(30))
			.until(() -> LocalFlashwire.get(flashwire.pushPort(), "/actuator/health/readiness")
				.body()
				.matches("(?s).*\"subscriptions\":[1-9].*"));

		String headline = "زلزال يضرب جنوب تركيا " + UUID.randomUUID().toString().substring(0, 6);
		postStory(headline, 1);

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

	private void postStory(String headline, int urgency) {
		String story = """
				{"uri":"urn:test:e2e-%s","standard":{"name":"ninjs","version":"3.0"},"type":"text","language":"ar",\
				"headlines":[{"role":"main","value":"%s"}],"urgency":%d,"version":"1"}"""
			.formatted(UUID.randomUUID(), headline, urgency);
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

package news.flashwire.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.web.reactive.function.client.WebClient;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.TestEditions;
import news.flashwire.push.subscription.SubscriptionStore;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A partner with many webhooks on one host that answers slowly: the deliveries beyond the host's slots wait for one
 * instead of failing, so every webhook gets the alert, nothing is retried or dead-lettered and no webhook is disabled.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flashwire.push.webhook.allowed-networks=127.0.0.1/32", "flashwire.push.webhook.timeout=15s",
				"flashwire.push.delivery.per-host-concurrency=32" })
class BusyHostIntegrationTests {

	private static final int WEBHOOKS = 500;

	private final String edition = TestEditions.arabic();

	@LocalServerPort
	int port;

	private WebClient api;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	SubscriptionStore store;

	private GatedWebhookReceiver host;

	@BeforeEach
	void setUp() throws Exception {
		api = WebClient.create("http://127.0.0.1:" + port);
		host = new GatedWebhookReceiver();
	}

	@AfterEach
	void tearDown() {
		host.close();
	}

	@Test
	void aBusyHostGetsEveryDeliveryWithoutRetriesDeadLettersOrDisabledWebhooks() {
		List<String> ids = Flux.range(0, WEBHOOKS).flatMap(webhook -> subscribe(host.url(webhook)), 16).collectList()
			.block(Duration.ofSeconds(60));
		await().atMost(Duration.ofSeconds(30)).until(() -> ids.stream().allMatch(id -> store.find(id).isPresent()));

		Alert alert = breakingArabic();
		kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

		// The host holds its answers: it sees its 32 slots' worth and no more, while the rest wait without failing.
		await().atMost(Duration.ofSeconds(30)).until(() -> host.requestsSoFar() >= 32);
		await().during(Duration.ofMillis(500))
			.atMost(Duration.ofSeconds(10))
			.until(() -> host.requestsSoFar() == 32 && count(alert, "RETRIED") == 0 && count(alert, "FAILED") == 0);
		host.open();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(IntStream.range(0, WEBHOOKS)
				.filter(webhook -> !host.received(webhook, alert.deliveryId()))
				.boxed()
				.toList()).as("webhooks still without the alert").isEmpty());
		await().atMost(Duration.ofSeconds(30)).until(() -> count(alert, "DELIVERED") == WEBHOOKS);
		assertThat(host.requestsSoFar()).isEqualTo(WEBHOOKS);
		assertThat(count(alert, "RETRIED")).isZero();
		assertThat(count(alert, "FAILED")).isZero();
		assertThat(ids).allSatisfy(id -> assertThat(store.find(id)).hasValueSatisfying(
				subscription -> assertThat(subscription.disabledAt()).as("disabled at").isNull()));
	}

	/** How many of the alert's deliveries reached the stage, by the audit of this alert alone. */
	@SuppressWarnings("unchecked")
	private int count(Alert alert, String stage) {
		Map<String, Object> audit = api.get()
			.uri("/v1/alerts/{id}/deliveries", alert.deliveryId())
			.header("Authorization", "Bearer test-audit-token")
			.exchangeToMono(response -> response.statusCode().value() == 404 ? Mono.just(Map.<String, Object>of())
					: response.bodyToMono(Map.class).map(body -> (Map<String, Object>) body))
			.block(Duration.ofSeconds(30));
		Map<String, Object> stages = (Map<String, Object>) audit.getOrDefault("stages", Map.of());
		Map<String, Object> reached = (Map<String, Object>) stages.get(stage);
		return reached == null ? 0 : ((Number) reached.get("count")).intValue();
	}

	private Mono<String> subscribe(String url) {
		return api.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", url, "editions", List.of(edition)))
			.retrieve()
			.bodyToMono(Map.class)
			.map(created -> (String) created.get("id"));
	}

	private Alert breakingArabic() {
		Story story = new Story("عاجل: إغلاق المطار بسبب العاصفة", Edition.of(edition), Urgency.BREAKING,
				URI.create("https://example.com/ar/storm"), "local", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("busy-host", UUID.randomUUID().toString()), 1, Alert.Kind.NEW,
				story, null);
	}
}

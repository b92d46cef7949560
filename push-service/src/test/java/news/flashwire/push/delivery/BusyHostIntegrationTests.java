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

import io.micrometer.core.instrument.MeterRegistry;
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

	private final String edition = TestEditions.arabic();

	private static final int WEBHOOKS = 500;

	@LocalServerPort
	int port;

	private WebClient api;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	SubscriptionStore store;

	@Autowired
	MeterRegistry meters;

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
			.atMost(Duration.ofSeconds(5))
			.until(() -> host.requestsSoFar() == 32 && count("retried") == 0 && count("failed") == 0);
		host.open();

		await().atMost(Duration.ofSeconds(60))
			.untilAsserted(() -> assertThat(IntStream.range(0, WEBHOOKS)
				.filter(webhook -> !host.received(webhook, alert.deliveryId()))
				.boxed()
				.toList()).as("webhooks still without the alert").isEmpty());
		await().atMost(Duration.ofSeconds(10)).until(() -> count("delivered") == WEBHOOKS);
		assertThat(host.requestsSoFar()).isEqualTo(WEBHOOKS);
		assertThat(count("retried")).isZero();
		assertThat(count("failed")).isZero();
		assertThat(ids).allSatisfy(id -> assertThat(store.find(id)).hasValueSatisfying(
				subscription -> assertThat(subscription.disabledAt()).as("disabled at").isNull()));
	}

	private double count(String stage) {
		var counter = meters.find("flashwire.push.deliveries").tags("stage", stage, "channel", "webhook").counter();
		return counter == null ? 0 : counter.count();
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

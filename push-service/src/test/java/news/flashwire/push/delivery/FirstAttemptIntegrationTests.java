package news.flashwire.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.TestEditions;
import news.flashwire.push.subscription.SubscriptionStore;

/**
 * The fan-out makes the first attempt itself; what fails goes through Kafka: a retryable failure is retried from the
 * deliveries topic until it arrives, a permanent one goes to the dead letters and disables the webhook.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "flashwire.push.webhook.allowed-networks=127.0.0.1/32")
@AutoConfigureWebTestClient
class FirstAttemptIntegrationTests {

	private final String edition = TestEditions.arabic();

	@Autowired
	WebTestClient client;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	SubscriptionStore store;

	@BeforeEach
	void patientClient() {
		client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void aWebhookThatFailsAtFirstGetsTheAlertFromTheRetries() throws Exception {
		try (ScriptedWebhookReceiver webhook = new ScriptedWebhookReceiver(503, 503, 204)) {
			String id = subscribe(webhook.url());
			Alert alert = breakingArabic();
			kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

			await().atMost(Duration.ofSeconds(30)).until(() -> webhook.webhookIds().size() == 3);
			assertThat(webhook.webhookIds()).containsOnly(alert.deliveryId());
			assertThat(store.find(id)).hasValueSatisfying(subscription -> assertThat(subscription.disabledAt()).isNull());
		}
	}

	@Test
	void aWebhookThatRefusesTheAlertIsDeadLetteredAndDisabled() throws Exception {
		try (ScriptedWebhookReceiver webhook = new ScriptedWebhookReceiver(400)) {
			String id = subscribe(webhook.url());
			Alert alert = breakingArabic();
			kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(store.find(id))
					.hasValueSatisfying(subscription -> assertThat(subscription.disabledAt()).isNotNull()));
			assertThat(webhook.webhookIds()).containsExactly(alert.deliveryId());
		}
	}

	@Test
	@SuppressWarnings("unchecked")
	void itsOwnerReEnablesADisabledWebhookAndHasItsDeadLettersRedelivered() throws Exception {
		try (ScriptedWebhookReceiver webhook = new ScriptedWebhookReceiver(400, 204)) {
			Map<String, Object> created = create(webhook.url());
			String id = (String) created.get("id");
			String owner = "Bearer " + created.get("token");
			Alert alert = breakingArabic();
			kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(store.find(id))
					.hasValueSatisfying(subscription -> assertThat(subscription.disabledAt()).isNotNull()));

			client.post().uri("/v1/subscriptions/{id}/redeliveries", id).exchange().expectStatus().isUnauthorized();
			client.patch()
				.uri("/v1/subscriptions/{id}", id)
				.header("Authorization", owner)
				.contentType(MediaType.APPLICATION_JSON)
				.bodyValue(Map.of("enabled", true))
				.exchange()
				.expectStatus()
				.isOk();
			await().atMost(Duration.ofSeconds(30))
				.untilAsserted(() -> assertThat(store.find(id))
					.hasValueSatisfying(subscription -> assertThat(subscription.disabledAt()).isNull()));
			Map<String, Object> redelivered = client.post()
				.uri("/v1/subscriptions/{id}/redeliveries", id)
				.header("Authorization", owner)
				.exchange()
				.expectStatus()
				.isOk()
				.expectBody(Map.class)
				.returnResult()
				.getResponseBody();

			assertThat(redelivered).containsEntry("redelivered", 1);
			await().atMost(Duration.ofSeconds(30)).until(() -> webhook.webhookIds().size() == 2);
			assertThat(webhook.webhookIds()).containsOnly(alert.deliveryId());
		}
	}

	private String subscribe(String url) {
		return (String) create(url).get("id");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> create(String url) {
		Map<String, Object> created = client.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", url, "editions", List.of(edition)))
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
		String id = (String) created.get("id");
		await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).isPresent());
		return created;
	}

	private Alert breakingArabic() {
		Story story = new Story("عاجل: فيضانات في الشمال", Edition.of(edition), Urgency.BREAKING,
				URI.create("https://example.com/ar/floods"), "local", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("first-attempt", UUID.randomUUID().toString()), 1,
				Alert.Kind.NEW, story, null);
	}
}

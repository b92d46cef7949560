package news.flashwire.push.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import com.standardwebhooks.Webhook;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.TestEditions;
import news.flashwire.push.delivery.webhook.WebhookReceiver;
import news.flashwire.push.subscription.SubscriptionStore;

/** An alert on Kafka reaches a subscribed webhook on 127.0.0.1 as a correctly signed POST. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "flashwire.push.webhook.allowed-networks=127.0.0.1/32")
@AutoConfigureWebTestClient
@ExtendWith(OutputCaptureExtension.class)
class AlertDeliveryIntegrationTests {

	private final String edition = TestEditions.arabic();

	@Autowired
	WebTestClient client;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	SubscriptionStore store;

	private final WebhookReceiver receiver = newReceiver();

	@org.junit.jupiter.api.BeforeEach
	void patientClient() {
		client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@AfterEach
	void stopReceiver() {
		receiver.close();
	}

	@Test
	void deliversAnUrgentAlertToASubscribedWebhookWithAValidSignature() throws Exception {
		Map<String, Object> created = subscribe(Map.of("url", receiver.url(), "editions", List.of(edition)));
		String id = (String) created.get("id");
		await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).isPresent());

		Alert alert = breakingArabic();
		kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

		await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());
		WebhookReceiver.Received delivery = receiver.received().get(0);
		assertThat(delivery.header("webhook-id")).isEqualTo(alert.deliveryId());
		assertThat(delivery.body()).contains("زلزال يضرب جنوب تركيا").contains("\"type\":\"alert.new\"");
		new Webhook((String) created.get("secret")).verify(delivery.body(), delivery.headers());
	}

	@Test
	void doesNotDeliverToASubscriberOfAnotherEdition() throws Exception {
		Map<String, Object> other = subscribe(Map.of("url", receiver.url(), "editions", List.of("en")));
		WebhookReceiver arabicReceiver = newReceiver();
		try (arabicReceiver) {
			Map<String, Object> arabic = subscribe(Map.of("url", arabicReceiver.url(), "editions", List.of(edition)));
			await().atMost(Duration.ofSeconds(30))
				.until(() -> store.find((String) other.get("id")).isPresent()
						&& store.find((String) arabic.get("id")).isPresent());

			Alert alert = breakingArabic();
			kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

			await().atMost(Duration.ofSeconds(30)).until(() -> !arabicReceiver.received().isEmpty());
			assertThat(receiver.received()).noneMatch(r -> r.header("webhook-id").equals(alert.deliveryId()));
		}
	}

	@Test
	void followsAnAlertWithItsCorrectionAndKillEvenWhenTheStoryWasDowngraded() throws Exception {
		Map<String, Object> created = subscribe(
				Map.of("url", receiver.url(), "editions", List.of(edition), "minimumUrgency", "urgent"));
		await().atMost(Duration.ofSeconds(30)).until(() -> store.find((String) created.get("id")).isPresent());
		Alert alert = breakingArabic();
		Story downgraded = new Story("زلزال يضرب جنوب تركيا", Edition.of(edition), Urgency.ROUTINE,
				alert.story().link(), "world", alert.story().publishedAt(), null);
		Alert correction = new Alert(EventMeta.now(), alert.storyId(), 2, Alert.Kind.CORRECTION, downgraded,
				"not breaking", Urgency.BREAKING);
		Alert kill = new Alert(EventMeta.now(), alert.storyId(), 3, Alert.Kind.KILL, downgraded, "withdrawn",
				Urgency.BREAKING);

		for (Alert each : List.of(alert, correction, kill)) {
			kafka.send(Topics.ALERTS, each.storyId().value(), each).join();
		}

		await().atMost(Duration.ofSeconds(30)).until(() -> receiver.received().size() >= 3);
		assertThat(receiver.received()).extracting(received -> received.header("webhook-id"))
			.containsExactlyInAnyOrder(alert.deliveryId(), correction.deliveryId(), kill.deliveryId());
		assertThat(receiver.received()).extracting(WebhookReceiver.Received::body)
			.anySatisfy(body -> assertThat(body).contains("\"type\":\"alert.correction\""))
			.anySatisfy(body -> assertThat(body).contains("\"type\":\"alert.kill\""));
	}

	@Test
	void logsTheFanOutOfAnAlertInTheAlertsTrace(CapturedOutput output) throws Exception {
		Map<String, Object> created = subscribe(Map.of("url", receiver.url(), "editions", List.of(edition)));
		await().atMost(Duration.ofSeconds(30)).until(() -> store.find((String) created.get("id")).isPresent());
		Alert alert = breakingArabic();
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.ALERTS, alert.storyId().value(), alert);

		kafka.send(record).join();

		// The template's observation started a trace and wrote it into the record, as ingest's does.
		String traceId = new String(record.headers().lastHeader("traceparent").value(), StandardCharsets.UTF_8)
			.split("-")[1];
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(output.getAll().lines()
				.filter(line -> line.contains("Alert " + alert.deliveryId() + " fanned out to 1 subscribers")))
				.isNotEmpty()
				.allSatisfy(line -> assertThat(line).contains(traceId)));
	}

	@Test
	void refusesAWebhookOnAPrivateAddress() {
		client.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "http://169.254.169.254/latest/meta-data"))
			.exchange()
			.expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesAMalformedSubscription() {
		client.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue("{\"url\": 42, \"editions\": \"ar\"")
			.exchange()
			.expectStatus()
			.isBadRequest();
	}

	@Test
	void timesEveryObservedListenerInPrometheus() throws Exception {
		Map<String, Object> created = subscribe(Map.of("url", receiver.url(), "editions", List.of(edition)));
		await().atMost(Duration.ofSeconds(30)).until(() -> store.find((String) created.get("id")).isPresent());
		Alert alert = breakingArabic();
		kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();
		await().atMost(Duration.ofSeconds(30)).until(() -> !receiver.received().isEmpty());

		// A listener with a consumer group and one without, each timed under the same tag keys.
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
			.containsPattern(listenerTimed("push-subscriptions"))
			.containsPattern(listenerTimed("push-alerts")));
	}

	private static String listenerTimed(String listener) {
		return "spring_kafka_listener_seconds_count\\{[^}]*spring_kafka_listener_id=\"" + listener + "-\\d+\"[^}]*} [1-9]";
	}

	private String prometheus() {
		return client.get().uri("/actuator/prometheus").exchange().expectBody(String.class).returnResult().getResponseBody();
	}

	@Test
	void reportsReadyOnceItOwnsSubscriptionPartitions() {
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> client.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk());
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> subscribe(Map<String, Object> request) {
		return client.post()
			.uri("/v1/subscriptions")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(request)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectBody(Map.class)
			.returnResult()
			.getResponseBody();
	}

	private Alert breakingArabic() {
		Story story = new Story("عاجل: زلزال يضرب جنوب تركيا", Edition.of(edition), Urgency.BREAKING,
				URI.create("https://example.com/ar/quake"), "world", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("test", UUID.randomUUID().toString()), 1, Alert.Kind.NEW, story,
				null);
	}

	private static WebhookReceiver newReceiver() {
		try {
			return new WebhookReceiver();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

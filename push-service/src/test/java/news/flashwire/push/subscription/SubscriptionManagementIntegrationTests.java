package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
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
import news.flashwire.push.delivery.webhook.WebhookReceiver;
import news.flashwire.push.delivery.webpush.FakePushService;

/** Subscriptions managed with their own token, and browsers subscribed by Web Push, against the broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "flashwire.push.webhook.allowed-networks=127.0.0.1/32")
@AutoConfigureWebTestClient
class SubscriptionManagementIntegrationTests {

	// RFC 8291's example user agent keys (resources/webpush): the fake push service's browser.
	private static final String P256DH = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

	private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";

	private final String edition = TestEditions.arabic();

	@Autowired
	WebTestClient client;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	SubscriptionStore store;

	private FakePushService pushService;

	@BeforeEach
	void setUp() throws Exception {
		client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
		pushService = new FakePushService();
	}

	@AfterEach
	void tearDown() {
		pushService.close();
	}

	@Test
	@org.junit.jupiter.api.extension.ExtendWith(org.springframework.boot.test.system.OutputCaptureExtension.class)
	void neverLogsASecretOrAToken(org.springframework.boot.test.system.CapturedOutput output) {
		org.springframework.boot.logging.LoggingSystem logging = org.springframework.boot.logging.LoggingSystem
			.get(getClass().getClassLoader());
		logging.setLogLevel("news.flashwire", org.springframework.boot.logging.LogLevel.DEBUG);
		try {
			Map<String, Object> created = create(Map.of("url", "http://127.0.0.1:9/hook", "editions", List.of("ar")));
			String id = (String) created.get("id");
			String token = (String) created.get("token");
			String secret = (String) created.get("secret");
			client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token).exchange()
				.expectStatus().isOk();
			client.patch().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token)
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("editions", List.of("en"))).exchange()
				.expectStatus().isOk();
			client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token + "x").exchange()
				.expectStatus().isForbidden();
			client.delete().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token).exchange()
				.expectStatus().isNoContent();

			assertThat(secret).startsWith("whsec_");
			assertThat(output.getAll()).contains(id).doesNotContain(token).doesNotContain(secret)
				.doesNotContain(secret.substring("whsec_".length()));
		}
		finally {
			logging.setLogLevel("news.flashwire", null);
		}
	}

	@Test
	void managesASubscriptionOnlyWithItsOwnToken() {
		Map<String, Object> created = create(Map.of("url", "http://127.0.0.1:9/hook", "editions", List.of("ar")));
		String id = (String) created.get("id");
		String token = (String) created.get("token");

		problem(client.get().uri("/v1/subscriptions/{id}", id).exchange().expectStatus().isUnauthorized());
		problem(client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer fwt_wrong").exchange()
			.expectStatus().isForbidden());
		problem(client.get().uri("/v1/subscriptions/{id}", "sub_" + UUID.randomUUID()).header("Authorization", "Bearer " + token)
			.exchange().expectStatus().isNotFound());
		client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isOk().expectBody()
			.jsonPath("$.filters.editions[0]").isEqualTo("ar")
			.jsonPath("$.secret").doesNotExist()
			.jsonPath("$.token").doesNotExist();

		client.patch().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token)
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("enabled", false, "categories", List.of("World"), "quietHours",
					Map.of("from", "22:00", "to", "07:00", "zone", "Asia/Beirut")))
			.exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.enabled").isEqualTo(false)
			.jsonPath("$.filters.categories[0]").isEqualTo("world")
			.jsonPath("$.filters.quietHours.zone").isEqualTo("Asia/Beirut");

		client.delete().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isNoContent();
		problem(client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", "Bearer " + token).exchange()
			.expectStatus().isNotFound());
	}

	@Test
	void showsEachChangeToItsOwnerAtOnce() {
		for (int i = 0; i < 5; i++) {
			Map<String, Object> created = create(Map.of("url", "http://127.0.0.1:9/hook", "editions", List.of("ar")));
			String id = (String) created.get("id");
			String owner = "Bearer " + created.get("token");

			client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", owner).exchange()
				.expectStatus().isOk().expectBody().jsonPath("$.filters.editions[0]").isEqualTo("ar");
			client.patch().uri("/v1/subscriptions/{id}", id).header("Authorization", owner)
				.contentType(MediaType.APPLICATION_JSON).bodyValue(Map.of("editions", List.of("en")))
				.exchange().expectStatus().isOk();
			client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", owner).exchange()
				.expectStatus().isOk().expectBody().jsonPath("$.filters.editions[0]").isEqualTo("en");
			client.delete().uri("/v1/subscriptions/{id}", id).header("Authorization", owner).exchange()
				.expectStatus().isNoContent();
			problem(client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", owner).exchange()
				.expectStatus().isNotFound());
		}
	}

	@Test
	void refusesABrowserSubscriptionWithABadKeyOrAnUnknownPushService() {
		problem(client.post().uri("/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("pushSubscription", Map.of("endpoint", pushService.endpoint("a"), "keys",
					Map.of("p256dh", "BAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "auth", AUTH))))
			.exchange().expectStatus().isBadRequest());
		problem(client.post().uri("/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("pushSubscription", Map.of("endpoint", "https://push.evil.example/x", "keys",
					Map.of("p256dh", P256DH, "auth", AUTH))))
			.exchange().expectStatus().isBadRequest());
	}

	@Test
	void pushesAnEncryptedAlertToABrowserAndRemovesOneThePushServiceNoLongerKnows() throws Exception {
		Map<String, Object> browser = create(browser(pushService.endpoint("ok-" + UUID.randomUUID())));
		Map<String, Object> gone = create(browser(pushService.endpoint("gone-" + UUID.randomUUID())));
		await().atMost(Duration.ofSeconds(30)).until(() -> store.find((String) browser.get("id")).isPresent()
				&& store.find((String) gone.get("id")).isPresent());
		client.get().uri("/v1/webpush/vapid-public-key").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.publicKey").isNotEmpty();

		Alert alert = breakingArabic();
		kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

		await().atMost(Duration.ofSeconds(30)).until(() -> pushService.messages().stream()
			.anyMatch(message -> message.path().startsWith("/push/ok-") && decrypt(message).contains(alert.deliveryId())));
		FakePushService.Message message = pushService.messages().stream()
			.filter(m -> m.path().startsWith("/push/ok-") && decrypt(m).contains(alert.deliveryId())).findFirst().orElseThrow();
		assertThat(decrypt(message)).contains("زلزال");
		assertThat(message.header("Urgency")).isEqualTo("high");
		assertThat(Long.parseLong(message.header("TTL"))).isPositive();
		assertThat(message.header("Topic")).hasSize(32);
		assertThat(message.header("Content-Encoding")).isEqualTo("aes128gcm");
		assertThat(message.header("Authorization")).startsWith("vapid t=").contains(", k=");
		assertThat(message.body().length).isLessThan(2048 + 103);

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get().uri("/v1/subscriptions/{id}", gone.get("id"))
			.header("Authorization", "Bearer " + gone.get("token")).exchange().expectStatus().isNotFound());
		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
			.uri("/v1/alerts/{id}/deliveries", alert.deliveryId()).header("Authorization", "Bearer test-audit-token").exchange().expectStatus().isOk().expectBody()
			.jsonPath("$.stages.DELIVERED.count").isNumber()
			.jsonPath("$.stages.REMOVED.count").isEqualTo(1));
	}

	@Test
	void showsEachSubscriptionItsLastDeliveryOutcome() throws Exception {
		try (WebhookReceiver partner = new WebhookReceiver()) {
			Map<String, Object> working = create(Map.of("url", partner.url(), "editions", List.of(edition)));
			// Nothing listens on the discard port: every attempt fails, then the delivery is a dead letter.
			Map<String, Object> failing = create(Map.of("url", "http://127.0.0.1:9/hook", "editions", List.of(edition)));
			await().atMost(Duration.ofSeconds(30)).until(() -> store.find((String) working.get("id")).isPresent()
					&& store.find((String) failing.get("id")).isPresent());

			Alert alert = breakingArabic();
			kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> show(working).expectStatus().isOk().expectBody()
				.jsonPath("$.lastOutcome.stage").isEqualTo("DELIVERED")
				.jsonPath("$.lastOutcome.alertId").isEqualTo(alert.deliveryId())
				.jsonPath("$.lastOutcome.at").isNotEmpty()
				.jsonPath("$.lastOutcome.reason").doesNotExist());
			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> show(failing).expectStatus().isOk().expectBody()
				.jsonPath("$.lastOutcome.stage").isEqualTo("FAILED")
				.jsonPath("$.lastOutcome.alertId").isEqualTo(alert.deliveryId())
				// What went wrong, not the listener's wrapper around it.
				.jsonPath("$.lastOutcome.reason").value(reason -> assertThat((String) reason)
					.startsWith("cannot connect to http://127.0.0.1:9")
					.doesNotContain("Endpoint handler")));
			client.get().uri("/v1/alerts/{id}/deliveries", alert.deliveryId())
				.header("Authorization", "Bearer second-audit-token").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.stages.RETRIED.count").isNumber()
				.jsonPath("$.stages.FAILED.count").value(count -> assertThat(((Number) count).intValue()).isPositive())
				.jsonPath("$.retrying").isNumber();
		}
	}

	@Test
	void anAlertPastItsStorysExpiryIsRecordedAsExpiredAndLeavesTheWebhookEnabled() throws Exception {
		try (WebhookReceiver partner = new WebhookReceiver()) {
			Map<String, Object> created = create(Map.of("url", partner.url(), "editions", List.of(edition)));
			await().atMost(Duration.ofSeconds(30)).until(() -> store.find((String) created.get("id")).isPresent());
			Alert fresh = breakingArabic();
			Story expired = new Story(fresh.story().headline(), fresh.story().edition(), fresh.story().urgency(),
					fresh.story().link(), fresh.story().category(), Instant.now().minusSeconds(120),
					Instant.now().minusSeconds(60));
			Alert alert = new Alert(fresh.meta(), fresh.storyId(), 1, Alert.Kind.NEW, expired, null);

			kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> show(created).expectStatus().isOk().expectBody()
				.jsonPath("$.lastOutcome.stage").isEqualTo("EXPIRED")
				.jsonPath("$.lastOutcome.alertId").isEqualTo(alert.deliveryId())
				.jsonPath("$.lastOutcome.reason").isEqualTo("expired")
				.jsonPath("$.enabled").isEqualTo(true));
			assertThat(partner.received()).isEmpty();
		}
	}

	@Test
	void aFanOutsDeliveriesAreAllInTheAuditAndInEachSubscriptionsLastOutcome() throws Exception {
		try (WebhookReceiver partner = new WebhookReceiver()) {
			List<Map<String, Object>> subscriptions = new ArrayList<>();
			for (int i = 0; i < 40; i++) {
				subscriptions.add(create(Map.of("url", partner.url(), "editions", List.of(edition))));
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> subscriptions.stream().allMatch(created -> store.find((String) created.get("id")).isPresent()));

			Story story = new Story("عاجل: ثلوج في القدس", Edition.of(edition), Urgency.BREAKING,
					URI.create("https://example.com/ar-ps/snow"), "local", Instant.now(), null);
			Alert alert = new Alert(EventMeta.now(), StoryId.of("test", UUID.randomUUID().toString()), 1,
					Alert.Kind.NEW, story, null);
			kafka.send(Topics.ALERTS, alert.storyId().value(), alert).join();

			await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> client.get()
				.uri("/v1/alerts/{id}/deliveries", alert.deliveryId())
				.header("Authorization", "Bearer test-audit-token").exchange().expectStatus().isOk().expectBody()
				.jsonPath("$.stages.MATCHED.count").isEqualTo(40)
				.jsonPath("$.stages.DELIVERED.count").isEqualTo(40)
				.jsonPath("$.retrying").isEqualTo(0));
			assertThat(partner.received()).hasSize(40);
			for (Map<String, Object> subscription : subscriptions) {
				await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> show(subscription).expectStatus().isOk()
					.expectBody()
					.jsonPath("$.lastOutcome.stage").isEqualTo("DELIVERED")
					.jsonPath("$.lastOutcome.alertId").isEqualTo(alert.deliveryId()));
			}
		}
	}

	@Test
	void refusesToShowTheAuditWithoutAnAuditToken() {
		String alert = "msg_test_" + UUID.randomUUID() + "_r1";
		for (String authorization : List.of("", "Bearer", "Bearer wrong-token", "Bearer test-audit-token-and-more",
				"Basic dGVzdC1hdWRpdC10b2tlbg==", "test-audit-token", "Bearer " + "x".repeat(6000))) {
			WebTestClient.ResponseSpec response = client.get().uri("/v1/alerts/{id}/deliveries", alert)
				.headers(headers -> {
					if (!authorization.isEmpty()) {
						headers.set("Authorization", authorization);
					}
				})
				.exchange();
			response.expectStatus().isUnauthorized().expectHeader().valueEquals("WWW-Authenticate",
					"Bearer realm=\"flashwire-audit\"");
			problem(response);
		}
		problem(client.get().uri("/v1/alerts/{id}/deliveries", alert).header("Authorization", "Bearer test-audit-token")
			.exchange().expectStatus().isNotFound());
		problem(client.get().uri("/v1/alerts/{id}/deliveries", "<script>alert(1)</script>")
			.header("Authorization", "Bearer test-audit-token").exchange().expectStatus().isNotFound());
	}

	private WebTestClient.ResponseSpec show(Map<String, Object> subscription) {
		return client.get().uri("/v1/subscriptions/{id}", subscription.get("id"))
			.header("Authorization", "Bearer " + subscription.get("token")).exchange();
	}

	private static String decrypt(FakePushService.Message message) {
		try {
			return new String(news.flashwire.push.delivery.webpush.TestDecryption.decrypt(message.body()),
					java.nio.charset.StandardCharsets.UTF_8);
		}
		catch (Exception ex) {
			return "";
		}
	}

	private Map<String, Object> browser(String endpoint) {
		return Map.of("pushSubscription", Map.of("endpoint", endpoint, "keys", Map.of("p256dh", P256DH, "auth", AUTH)),
				"editions", List.of(edition));
	}

	private static void problem(WebTestClient.ResponseSpec response) {
		response.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> create(Map<String, Object> request) {
		return client.post().uri("/v1/subscriptions").contentType(MediaType.APPLICATION_JSON).bodyValue(request)
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
	}

	private Alert breakingArabic() {
		Story story = new Story("عاجل: زلزال يضرب جنوب تركيا", Edition.of(edition), Urgency.BREAKING,
				URI.create("https://example.com/ar/quake"), "world", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("test", UUID.randomUUID().toString()), 1, Alert.Kind.NEW, story, null);
	}
}

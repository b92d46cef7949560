package news.flashwire.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.PushApplication;
import news.flashwire.push.subscription.SubscriptionStore;

/**
 * Two push instances share the subscribers; one is closed while its deliveries hang at the subscribers, and still
 * every subscriber gets the alert at least once: the survivor takes over the partitions and redelivers what was not
 * committed.
 */
class FailoverIntegrationTests {

	private static final int SUBSCRIBERS = 24;

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	@SuppressWarnings("unchecked")
	void everySubscriberGetsTheAlertWhenAnInstanceDiesMidFanOut() throws Exception {
		try (GatedWebhookReceiver receiver = new GatedWebhookReceiver();
				ConfigurableApplicationContext first = start();
				ConfigurableApplicationContext second = start()) {
			SubscriptionStore firstStore = first.getBean(SubscriptionStore.class);
			SubscriptionStore secondStore = second.getBean(SubscriptionStore.class);
			await().atMost(Duration.ofSeconds(30))
				.until(() -> !firstStore.loadedPartitions().isEmpty() && !secondStore.loadedPartitions().isEmpty()
						&& firstStore.loadedPartitions().size() + secondStore.loadedPartitions().size() == 6);

			List<String> ids = new ArrayList<>();
			for (int i = 0; i < SUBSCRIBERS; i++) {
				ids.add(subscribe(first, receiver.url(i)));
			}
			await().atMost(Duration.ofSeconds(30))
				.until(() -> ids.stream().allMatch(id -> firstStore.find(id).isPresent() || secondStore.find(id).isPresent()));
			assertThat(ids).anyMatch(id -> firstStore.find(id).isPresent());

			Alert alert = breakingArabic();
			first.getBean(KafkaTemplate.class).send(Topics.ALERTS, alert.storyId().value(), alert).join();
			await().atMost(Duration.ofSeconds(30)).until(() -> receiver.requestsSoFar() > 0);

			first.close();
			receiver.open();

			await().atMost(Duration.ofSeconds(90))
				.untilAsserted(() -> assertThat(IntStream.range(0, SUBSCRIBERS)
					.filter(subscriber -> !receiver.received(subscriber, alert.deliveryId()))
					.boxed()
					.toList()).as("subscribers still without the alert").isEmpty());
		}
	}

	private static ConfigurableApplicationContext start() {
		return new SpringApplicationBuilder(PushApplication.class).run("--server.port=0",
				"--flashwire.push.delivery.attempts=8", "--flashwire.push.webhook.timeout=5s",
				"--spring.kafka.consumer.properties.session.timeout.ms=10000");
	}

	private String subscribe(ConfigurableApplicationContext instance, String url) throws Exception {
		int port = ((WebServerApplicationContext) instance).getWebServer().getPort();
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/subscriptions"))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"editions\":[\"ar\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response::body).isEqualTo(201);
		return response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1");
	}

	private static Alert breakingArabic() {
		Story story = new Story("عاجل: انقطاع الكهرباء في العاصمة", Edition.of("ar"), Urgency.BREAKING,
				URI.create("https://example.com/ar/power"), "local", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("failover", UUID.randomUUID().toString()), 1, Alert.Kind.NEW, story,
				null);
	}
}

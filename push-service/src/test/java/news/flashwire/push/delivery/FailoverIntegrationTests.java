package news.flashwire.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.apache.kafka.common.utils.Utils;
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
import news.flashwire.push.TestEditions;
import news.flashwire.push.subscription.SubscriptionStore;

/**
 * Two push instances share the subscribers; one, a process of its own, is killed (SIGKILL) while its deliveries hang at
 * the subscribers, and still every subscriber gets the alert: the survivor takes over the partitions and delivers what
 * the dead one had not finished. The test counts what each subscriber received: at least once each, never more than
 * twice, always the same webhook-id, so a receiver that drops duplicates shows the alert exactly once.
 */
class FailoverIntegrationTests {

	private static final int SUBSCRIBERS = 24;

	// Deliveries wait at the closed gate until the kill, however long the doomed instance takes to start its own.
	private static final String[] SETTINGS = { "--flashwire.push.delivery.attempts=8",
			"--flashwire.push.webhook.timeout=30s", "--spring.kafka.consumer.properties.session.timeout.ms=10000" };

	private final String edition = TestEditions.arabic();

	private final HttpClient http = HttpClient.newHttpClient();

	@Test
	void everySubscriberGetsTheAlertWhenAnInstanceIsKilledMidFanOut() throws Exception {
		int doomedPort = freePort();
		Process doomed = startProcess(doomedPort);
		try (GatedWebhookReceiver receiver = new GatedWebhookReceiver()) {
			await().atMost(Duration.ofSeconds(90)).until(() -> status(doomedPort, "/actuator/health/readiness") == 200);
			try (ConfigurableApplicationContext survivor = new SpringApplicationBuilder(PushApplication.class)
				.run(withPort(SETTINGS))) {
				SubscriptionStore store = survivor.getBean(SubscriptionStore.class);
				await().atMost(Duration.ofSeconds(60))
					.until(() -> !store.loadedPartitions().isEmpty() && store.loadedPartitions().size() < 6);
				int port = ((WebServerApplicationContext) survivor).getWebServer().getPort();

				Map<Integer, Subscribed> subscribers = new LinkedHashMap<>();
				for (int i = 0; i < SUBSCRIBERS; i++) {
					subscribers.put(i, subscribe(port, receiver.url(i)));
				}
				Set<Integer> survivorsPartitions = Set.copyOf(store.loadedPartitions());
				List<Integer> onDoomed = subscribers.entrySet()
					.stream()
					.filter(entry -> !survivorsPartitions.contains(partitionOf(entry.getValue().id())))
					.map(Map.Entry::getKey)
					.toList();
				assertThat(onDoomed).as("subscribers served by the instance to be killed").isNotEmpty();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> subscribers.values()
						.stream()
						.allMatch(subscribed -> store.find(subscribed.id()).isPresent()
								|| status(doomedPort, "/v1/subscriptions/" + subscribed.id(), subscribed.token()) == 200));

				Alert alert = breakingArabic();
				survivor.getBean(KafkaTemplate.class).send(Topics.ALERTS, alert.storyId().value(), alert).join();
				await().atMost(Duration.ofSeconds(30))
					.until(() -> onDoomed.stream().anyMatch(subscriber -> receiver.requestsTo(subscriber) > 0));

				doomed.destroyForcibly().waitFor();
				receiver.open();

				await().atMost(Duration.ofSeconds(90))
					.untilAsserted(() -> assertThat(IntStream.range(0, SUBSCRIBERS)
						.filter(subscriber -> !receiver.received(subscriber, alert.deliveryId()))
						.boxed()
						.toList()).as("subscribers still without the alert").isEmpty());
				assertThat(IntStream.range(0, SUBSCRIBERS).mapToLong(receiver::requestsTo))
					.as("requests each subscriber received")
					.allSatisfy(requests -> assertThat(requests).isBetween(1L, 2L));
				assertThat(receiver.webhookIds()).containsExactly(alert.deliveryId());
			}
		}
		finally {
			doomed.destroyForcibly();
		}
	}

	/** push-service in a JVM of its own, on the test's classpath and broker, so it can be killed outright. */
	private static Process startProcess(int port) throws IOException {
		List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-cp",
				System.getProperty("java.class.path"), "-Xmx256m", PushApplication.class.getName()));
		for (String arg : withPort(SETTINGS)) {
			command.add(arg.equals("--server.port=0") ? "--server.port=" + port : arg);
		}
		Path log = Files.createDirectories(Path.of("target", "failover")).resolve("killed-instance.log");
		return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
	}

	private static String[] withPort(String[] settings) {
		List<String> args = new ArrayList<>(List.of("--server.port=0", "--server.address=127.0.0.1",
				"--spring.kafka.bootstrap-servers=" + System.getProperty("spring.kafka.bootstrap-servers")));
		args.addAll(List.of(settings));
		return args.toArray(String[]::new);
	}

	private int status(int port, String path, String... bearer) {
		try {
			HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
				.timeout(Duration.ofSeconds(5));
			if (bearer.length > 0) {
				request.header("Authorization", "Bearer " + bearer[0]);
			}
			return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
		}
		catch (IOException ex) {
			return -1;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return -1;
		}
	}

	private Subscribed subscribe(int port, String url) throws Exception {
		HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/v1/subscriptions"))
			.timeout(Duration.ofSeconds(30))
			.header("Content-Type", "application/json")
			.POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\",\"editions\":[\"" + edition + "\"]}"))
			.build(), HttpResponse.BodyHandlers.ofString());
		assertThat(response.statusCode()).as(response::body).isEqualTo(201);
		return new Subscribed(response.body().replaceAll(".*\"id\":\"([^\"]+)\".*", "$1"),
				response.body().replaceAll(".*\"token\":\"([^\"]+)\".*", "$1"));
	}

	private static int partitionOf(String subscriptionId) {
		return Utils.toPositive(Utils.murmur2(subscriptionId.getBytes(StandardCharsets.UTF_8))) % 6;
	}

	private static int freePort() throws IOException {
		try (ServerSocket socket = new ServerSocket(0)) {
			return socket.getLocalPort();
		}
	}

	private Alert breakingArabic() {
		Story story = new Story("عاجل: انقطاع الكهرباء في العاصمة", Edition.of(edition), Urgency.BREAKING,
				URI.create("https://example.com/ar/power"), "local", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("failover", UUID.randomUUID().toString()), 1, Alert.Kind.NEW, story,
				null);
	}

	private record Subscribed(String id, String token) {
	}
}

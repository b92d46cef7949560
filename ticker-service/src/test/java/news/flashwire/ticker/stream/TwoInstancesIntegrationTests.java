package news.flashwire.ticker.stream;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import news.flashwire.ticker.TickerApplication;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Two ticker instances on one real broker, as a load balancer would put them side by side. */
class TwoInstancesIntegrationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	// This class's own edition, so that no other test's stories land in its tickers (and none of its in theirs).
	private static final Edition EDITION = Edition.of("ar-pair");

	static final List<ConfigurableApplicationContext> instances = new ArrayList<>();

	@BeforeAll
	static void startTwoInstances() {
		instances.add(start());
		instances.add(start());
	}

	@AfterAll
	static void stopThem() {
		instances.forEach(ConfigurableApplicationContext::close);
	}

	@Test
	void aClientMovedToTheOtherInstanceWithItsLastIdMissesNothing() {
		StoryId seen = freshId();
		StoryId missedFirst = freshId();
		StoryId missedSecond = freshId();
		String lastId = stream(0, null).filter(event -> event.data().contains(seen.value()))
			.doOnSubscribe(subscription -> publish(published(seen, arabic(EDITION, "رآه القارئ", Instant.now()))))
			.blockFirst(DEADLINE)
			.id();
		publish(published(missedFirst, arabic(EDITION, "فاته أولا", Instant.now())));
		publish(published(missedSecond, arabic(EDITION, "فاته ثانيا", Instant.now())));
		await().atMost(DEADLINE)
			.until(() -> headlines(1).contains(missedFirst.value()) && headlines(1).contains(missedSecond.value()));

		// Two stories are ordered only by the ticker topic (each instance projects the stories partitions it owns),
		// so the missed ones come in the order of their ids, whichever was posted first.
		List<ServerSentEvent<String>> missed = new ArrayList<>();
		StepVerifier.create(stream(1, lastId))
			.recordWith(() -> missed)
			.expectNextCount(2)
			.thenCancel()
			.verify(DEADLINE);
		assertThat(missed).extracting(ServerSentEvent::event).containsExactly("added", "added");
		assertThat(missed).extracting(event -> storyOf(event, missedFirst, missedSecond))
			.containsExactlyInAnyOrder(missedFirst, missedSecond);
		assertThat(position(missed.get(0))).isLessThan(position(missed.get(1)));
		assertThat(position(missed.get(0))).isGreaterThan(Long.parseLong(lastId));
	}

	private static StoryId storyOf(ServerSentEvent<String> event, StoryId... candidates) {
		for (StoryId candidate : candidates) {
			if (event.data().contains(candidate.value())) {
				return candidate;
			}
		}
		throw new AssertionError("none of the missed stories in " + event.data());
	}

	private static long position(ServerSentEvent<String> event) {
		return Long.parseLong(event.id());
	}

	@Test
	void aStalledClientDoesNotDelayTheOthers() throws Exception {
		try (Socket stalled = new Socket()) {
			stalled.setReceiveBufferSize(1024);
			stalled.connect(new InetSocketAddress("127.0.0.1", port(0)));
			OutputStream request = stalled.getOutputStream();
			request.write(("GET /v1/editions/" + EDITION + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
			request.flush();
			List<StoryId> ids = new ArrayList<>();
			for (int i = 0; i < 30; i++) {
				ids.add(freshId());
			}

			StepVerifier.create(stream(0, null).filter(event -> !event.event().equals("snapshot")))
				.then(() -> ids.forEach(id -> publish(published(id,
						arabic(EDITION, id.value() + " " + "خبر طويل ".repeat(800), Instant.now())))))
				.expectNextCount(ids.size())
				.thenCancel()
				.verify(DEADLINE);
		}
	}

	@Test
	void aRestartedInstanceServesTheSameSnapshotAndItsStreamsEndOnShutdown() {
		publish(published(freshId(), arabic(EDITION, "قبل إعادة التشغيل", Instant.now())));
		await().atMost(DEADLINE).until(() -> headlines(1).contains("قبل إعادة التشغيل"));
		String before = headlines(1);
		Flux<ServerSentEvent<String>> open = stream(1, null);

		StepVerifier.create(open)
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.then(() -> instances.remove(1).close())
			.expectComplete()
			.verify(DEADLINE);
		instances.add(start());

		await().atMost(DEADLINE).untilAsserted(() -> assertThat(headlines(1)).isEqualTo(before));
	}

	private static ConfigurableApplicationContext start() {
		ConfigurableApplicationContext context = new SpringApplicationBuilder(TickerApplication.class).run(
				"--server.port=0", "--server.address=127.0.0.1", "--flashwire.ticker.editions=" + EDITION,
				"--flashwire.ticker.heartbeat=1h",
				// small enough that a stalled reader fills it, large enough that the stalled-reader test's burst of
				// 30 stories never drops a reader that keeps up
				"--flashwire.ticker.client-buffer=64");
		await().atMost(DEADLINE).until(() -> WebClient.create("http://127.0.0.1:" + port(context))
			.get()
			.uri("/actuator/health/readiness")
			.exchangeToMono(response -> reactor.core.publisher.Mono.just(response.statusCode().value()))
			.block(), status -> status == 200);
		return context;
	}

	private static int port(ConfigurableApplicationContext context) {
		return ((WebServerApplicationContext) context).getWebServer().getPort();
	}

	private static int port(int instance) {
		return port(instances.get(instance));
	}

	private static String headlines(int instance) {
		return client(instance).get()
			.uri("/v1/editions/" + EDITION + "/headlines")
			.retrieve()
			.bodyToMono(String.class)
			.block(DEADLINE);
	}

	private static Flux<ServerSentEvent<String>> stream(int instance, String lastEventId) {
		return client(instance).get()
			.uri("/v1/editions/" + EDITION + "/stream")
			.headers(headers -> {
				if (lastEventId != null) {
					headers.set("Last-Event-ID", lastEventId);
				}
			})
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(SSE)
			.filter(event -> event.event() != null);
	}

	// The stalled-reader test leaves twenty lines of some 13 KB on the ticker: a snapshot past WebClient's default
	// limit of 256 KB for one body or event.
	private static WebClient client(int instance) {
		return WebClient.builder()
			.baseUrl("http://127.0.0.1:" + port(instance))
			.codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(4 * 1024 * 1024))
			.build();
	}

	@SuppressWarnings("unchecked")
	private static void publish(StoryEvent event) {
		KafkaTemplate<String, Object> kafka = instances.get(0).getBean(KafkaTemplate.class);
		kafka.send(Topics.STORIES, event.storyId().value(), event).join();
	}
}

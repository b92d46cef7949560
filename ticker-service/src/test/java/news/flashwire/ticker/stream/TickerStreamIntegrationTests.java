package news.flashwire.ticker.stream;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.expiring;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.killed;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Stories on the stories topic reach SSE readers as ticker events with positions, over a real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flashwire.ticker.heartbeat=1h", "flashwire.ticker.expiry-sweep=300ms" })
class TickerStreamIntegrationTests {

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Test
	void streamsASnapshotThenEachNewHeadlineWithItsId() {
		StoryId id = freshId();
		AtomicReference<String> addedId = new AtomicReference<>();

		StepVerifier.create(stream(null))
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.then(() -> publish(published(id, arabic("عاجل: زلزال يضرب جنوب تركيا", Instant.now()))))
			.assertNext(event -> {
				assertThat(event.event()).isEqualTo("added");
				assertThat(event.id()).isNotBlank();
				assertThat(event.data()).contains("زلزال يضرب جنوب تركيا").contains(id.value());
				addedId.set(event.id());
			})
			.then(() -> publish(killed(id, 2)))
			.assertNext(event -> {
				assertThat(event.event()).isEqualTo("removed");
				assertThat(Long.parseLong(event.id())).isGreaterThan(Long.parseLong(addedId.get()));
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void takesAnExpiredStoryOffTheTickerLive() {
		StoryId id = freshId();

		// The snapshot first, so the story cannot be in it: published only once the stream is open.
		StepVerifier
			.create(stream(null).filter(event -> event.event().equals("snapshot") || event.data().contains(id.value())))
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.then(() -> publish(published(id, expiring("ينتهي بعد ثانيتين", Instant.now(), Instant.now().plusSeconds(2)))))
			.assertNext(event -> assertThat(event.event()).isEqualTo("added"))
			.assertNext(event -> assertThat(event.event()).isEqualTo("removed"))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void resumesFromLastEventIdWithOnlyTheMissedEvents() {
		StoryId missed = freshId();
		String lastSeen = stream(null).blockFirst(Duration.ofSeconds(10)).id();
		publish(published(missed, arabic("خبر فاته القارئ", Instant.now())));

		StepVerifier.create(stream(lastSeen).filter(event -> event.data().contains(missed.value())))
			.assertNext(event -> assertThat(event.event()).isEqualTo("added"))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void servesTheJsonSnapshotWithAnEtagAndAnswers304WhenUnchanged() {
		StoryId id = freshId();
		publish(published(id, arabic("أحدث الأخبار", Instant.now())));
		WebClient client = WebClient.create("http://127.0.0.1:" + port);

		String etag = org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() -> {
			var response = client.get().uri("/v1/editions/ar/headlines").retrieve().toEntity(String.class).block();
			return response.getBody().contains(id.value()) ? response.getHeaders().getETag() : null;
		}, etagValue -> etagValue != null);

		var notModified = client.get()
			.uri("/v1/editions/ar/headlines")
			.header("If-None-Match", etag)
			.retrieve()
			.toBodilessEntity()
			.block();
		assertThat(notModified.getStatusCode().value()).isEqualTo(304);
	}

	@Test
	void answersAnUnknownEditionWithAProblem() {
		var response = WebClient.create("http://127.0.0.1:" + port)
			.get()
			.uri("/v1/editions/xx/stream")
			.exchangeToMono(r -> r.toEntity(String.class))
			.block();

		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void reportsReadyOnceCaughtUp() {
		org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
			var response = WebClient.create("http://127.0.0.1:" + port)
				.get()
				.uri("/actuator/health/readiness")
				.exchangeToMono(r -> r.toBodilessEntity())
				.block();
			assertThat(response.getStatusCode().value()).isEqualTo(200);
		});
	}

	private Flux<ServerSentEvent<String>> stream(String lastEventId) {
		return WebClient.create("http://127.0.0.1:" + port)
			.get()
			.uri("/v1/editions/ar/stream")
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

	private void publish(StoryEvent event) {
		kafka.send(Topics.STORIES, event.storyId().value(), event).join();
	}
}

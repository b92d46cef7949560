package news.flashwire.ticker.stream;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.english;
import static news.flashwire.ticker.headline.TickerStories.freshId;
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
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Several editions on one connection, CORS for embedding sites, and metrics, over a real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flashwire.ticker.editions=ar-multi, en-multi", "flashwire.ticker.heartbeat=1h",
				"flashwire.ticker.expiry-sweep=300ms" })
class MultiEditionStreamIntegrationTests {

	// This class's own editions, so that no other test's stories land in its streams (and none of its in theirs).
	private static final Edition AR = Edition.of("ar-multi");

	private static final Edition EN = Edition.of("en-multi");

	private static final String BOTH = AR + "," + EN;

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Test
	void streamsSeveralEditionsOnOneConnectionWithACompositeId() {
		StoryId arabic = freshId();
		StoryId english = freshId();
		AtomicReference<String> lastId = new AtomicReference<>();

		StepVerifier.create(stream(BOTH, null))
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.assertNext(event -> {
				assertThat(event.event()).isEqualTo("snapshot");
				assertThat(event.id()).matches("ar-multi:\\d+,en-multi:\\d+");
			})
			.then(() -> publish(published(english, english(EN, "Markets rally in Asia", Instant.now()))))
			.assertNext(event -> {
				assertThat(event.event()).isEqualTo("added");
				assertThat(event.data()).contains("\"edition\":\"en-multi\"").contains("Markets rally in Asia");
				lastId.set(event.id());
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));

		publish(published(arabic, arabic(AR, "ارتفاع الأسواق في آسيا", Instant.now())));

		StepVerifier.create(stream(BOTH, lastId.get()))
			.assertNext(event -> {
				assertThat(event.event()).isEqualTo("added");
				assertThat(event.data()).contains(arabic.value()).contains("\"edition\":\"ar-multi\"");
				assertThat(event.id()).contains("en-multi:" + lastId.get().replaceAll(".*en-multi:(\\d+).*", "$1"));
			})
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void answersAStreamOfAnUnknownEditionWithAProblem() {
		var response = client().get()
			.uri("/v1/stream?editions=" + AR + ",xx")
			.exchangeToMono(r -> r.toEntity(String.class))
			.block();

		assertThat(response.getStatusCode().value()).isEqualTo(404);
		assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void letsAnySiteReadTheTickerByDefault() {
		var response = client().get()
			.uri("/v1/editions/" + AR + "/headlines")
			.header("Origin", "https://news.example")
			.retrieve()
			.toBodilessEntity()
			.block();

		assertThat(response.getHeaders().getAccessControlAllowOrigin()).isEqualTo("*");
		assertThat(response.getHeaders().getAccessControlExposeHeaders()).contains("ETag");
	}

	@Test
	void reportsConnectionsEventsAndLagAsMetrics() {
		var reader = stream(AR.code(), null).subscribe();
		try {
			publish(published(freshId(), arabic(AR, "خبر للقياس", Instant.now())));

			org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
				String metrics = client().get().uri("/actuator/prometheus").retrieve().bodyToMono(String.class).block();
				assertThat(metrics).contains("flashwire_ticker_connections{edition=\"ar-multi\"")
					.contains("flashwire_ticker_events_sent_total{edition=\"ar-multi\"")
					.contains("flashwire_ticker_lag{partition=");
			});
		}
		finally {
			reader.dispose();
		}
	}

	@Test
	void speaksHttp2InClearText() throws Exception {
		var http2 = java.net.http.HttpClient.newBuilder().version(java.net.http.HttpClient.Version.HTTP_2).build();
		var request = java.net.http.HttpRequest
			.newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/v1/editions/" + AR + "/headlines"))
			.timeout(Duration.ofSeconds(10))
			.build();

		var response = http2.send(request, java.net.http.HttpResponse.BodyHandlers.ofString());

		assertThat(response.version()).isEqualTo(java.net.http.HttpClient.Version.HTTP_2);
		assertThat(response.statusCode()).isEqualTo(200);
	}

	private WebClient client() {
		return WebClient.create("http://127.0.0.1:" + port);
	}

	private Flux<ServerSentEvent<String>> stream(String editions, String lastEventId) {
		return client().get()
			.uri("/v1/stream?editions=" + editions)
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

package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.FluxExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.flashwire.ticker.headline.TickerSettings;
import news.flashwire.ticker.headline.TickersForTests;
import news.flashwire.ticker.headline.Tickers;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

/** The stream routes on their own (no broker): the wire format of a stream and problem+json for refusals. */
class StreamRoutesTests {

	private final TickerSettings settings = new TickerSettings(List.of("ar", "en"), 20, 100, 16, Duration.ofHours(1),
			Duration.ofSeconds(3), Duration.ofDays(1), Duration.ofSeconds(10));

	private final StreamSettings limits = new StreamSettings(100, 2, 8);

	private final WebTestClient client = WebTestClient.bindToRouterFunction(routes(settings)).build();

	@Test
	void startsAStreamWithARetryHintThenTheSnapshotAsReadySseBytes() {
		String start = firstFrames("/v1/editions/ar/stream", 2);

		assertThat(start).matches("(?s)retry:\\d+\n:flashwire ticker\n\nid:0\nevent:snapshot\ndata:\\{.*\"edition\":\"ar\".*\\}\n\n");
	}

	@Test
	void sendsTheHeadersBrowsersAndProxiesNeed() {
		client.get()
			.uri("/v1/editions/ar/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentType("text/event-stream;charset=UTF-8")
			.expectHeader()
			.valueEquals("Cache-Control", "no-cache")
			.expectHeader()
			.valueEquals("X-Accel-Buffering", "no")
			.returnResult(DataBuffer.class)
			.getResponseBody()
			.take(1)
			.blockLast(Duration.ofSeconds(5));
	}

	@Test
	void givesAStreamOfSeveralEditionsCompositeIds() {
		String start = firstFrames("/v1/stream?editions=ar,en", 3);

		assertThat(start).contains("id:ar:0\nevent:snapshot\n").contains("id:ar:0,en:0\nevent:snapshot\n");
	}

	@Test
	void answersAHostileLastEventIdWithAResetSnapshotAndWellFormedIds() {
		for (String hostile : List.of("5\r\nevent: removed", "ar:1\nen:2", "9".repeat(400), "../../etc", "-1")) {
			String single = firstFrames("/v1/editions/ar/stream?lastEventId=" + encoded(hostile), 2);
			String several = firstFrames("/v1/stream?editions=ar&lastEventId=" + encoded(hostile), 2);

			assertThat(single).contains("\nid:0\nevent:snapshot\ndata:{").contains("\"reset\":true").doesNotContain("removed");
			assertThat(several).contains("\nid:ar:0\nevent:snapshot\ndata:{").doesNotContain("removed");
		}
	}

	@Test
	void keepsAnIdleStreamOpenWithCommentHeartbeats() {
		TickerSettings beating = new TickerSettings(List.of("ar"), 20, 100, 16, Duration.ofMillis(100),
				Duration.ofSeconds(3), Duration.ofDays(1), Duration.ofSeconds(10));
		WebTestClient beatingClient = WebTestClient.bindToRouterFunction(routes(beating)).build();

		String start = beatingClient.get()
			.uri("/v1/editions/ar/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.returnResult(DataBuffer.class)
			.getResponseBody()
			.take(3)
			.map(buffer -> buffer.toString(StandardCharsets.UTF_8))
			.collectList()
			.map(parts -> String.join("", parts))
			.block(Duration.ofSeconds(5));

		assertThat(start).endsWith("\n\n:heartbeat\n\n");
	}

	@Test
	void refusesAnUnknownEditionAsAProblem() {
		client.get()
			.uri("/v1/editions/xx/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isNotFound()
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flashwire.news/problems/unknown-edition")
			.jsonPath("$.instance")
			.isEqualTo("/v1/editions/xx/stream");
	}

	@Test
	void refusesAStreamWithoutEditionsOrWithTooManyAsAProblem() {
		client.get().uri("/v1/stream").exchange().expectStatus().isBadRequest().expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		client.get().uri("/v1/stream?editions=ar,en,ar,xx").exchange().expectStatus().isNotFound();
		client.get().uri("/v1/stream?editions=").exchange().expectStatus().isBadRequest().expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON);
		client.get().uri("/v1/stream?editions=,,").exchange().expectStatus().isBadRequest();

		WebTestClient oneEditionEach = WebTestClient.bindToRouterFunction(routes(settings, new StreamSettings(100, 2, 1)))
			.build();
		oneEditionEach.get().uri("/v1/stream?editions=ar,en").exchange().expectStatus().isBadRequest().expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON).expectBody().jsonPath("$.detail")
			.isEqualTo("Too many editions for one stream: 2 asked for, at most 1.");
	}

	@Test
	void skipsAnEmptyItemInTheEditionsList() {
		assertThat(firstFrames("/v1/stream?editions=,ar,", 2)).contains("event:snapshot").contains("\"edition\":\"ar\"");
	}

	@Test
	void refusesAClientPastItsLimitWith429AndRetryAfter() {
		List<Flux<DataBuffer>> held = List.of(open("/v1/editions/ar/stream"), open("/v1/editions/en/stream"));

		client.get()
			.uri("/v1/editions/ar/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isEqualTo(429)
			.expectHeader()
			.contentType(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("Retry-After")
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flashwire.news/problems/too-many-streams");
		assertThat(held).hasSize(2);
	}

	private String firstFrames(String uri, int frames) {
		FluxExchangeResult<DataBuffer> result = client.get()
			.uri(uri)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(DataBuffer.class);
		return result.getResponseBody()
			.take(frames)
			.map(buffer -> buffer.toString(StandardCharsets.UTF_8))
			.collectList()
			.map(parts -> String.join("", parts))
			.block(Duration.ofSeconds(5));
	}

	private Flux<DataBuffer> open(String uri) {
		return client.get()
			.uri(uri)
			.accept(MediaType.TEXT_EVENT_STREAM)
			.exchange()
			.expectStatus()
			.isOk()
			.returnResult(DataBuffer.class)
			.getResponseBody();
	}

	private static String encoded(String value) {
		return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
	}

	private org.springframework.web.reactive.function.server.RouterFunction<?> routes(TickerSettings settings) {
		return routes(settings, limits);
	}

	private org.springframework.web.reactive.function.server.RouterFunction<?> routes(TickerSettings settings,
			StreamSettings limits) {
		ConnectionLimits connectionLimits = new ConnectionLimits(limits);
		OpenStreams openStreams = new OpenStreams();
		SseStreams streams = new SseStreams(settings, connectionLimits, openStreams,
				new EventFrames(JsonMapper.builder().build()));
		Tickers tickers = TickersForTests.of(settings, new SimpleMeterRegistry());
		return new StreamRoutes().tickerStreams(new TickerStreamController(tickers, streams, limits));
	}
}

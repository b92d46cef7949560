package news.flashwire.ticker.stream;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.expiring;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.killed;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.reactor.netty.NettyServerCustomizer;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.netty.channel.ChannelOption;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import news.flashwire.ticker.headline.Tickers;
import reactor.core.publisher.Flux;
import reactor.test.StepVerifier;

/** Stories on the stories topic reach SSE readers as ticker events with positions, over a real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flashwire.ticker.editions=ar-stream, ar-long", "flashwire.ticker.heartbeat=1h",
				"flashwire.ticker.expiry-sweep=300ms" })
class TickerStreamIntegrationTests {

	// This class's own editions, so that no other test's stories land in its snapshots (and none of its in theirs).
	private static final Edition EDITION = Edition.of("ar-stream");

	// An edition of very long headlines, whose snapshot alone is more than a connection may hold unsent.
	private static final Edition LONG = Edition.of("ar-long");

	private static final ParameterizedTypeReference<ServerSentEvent<String>> SSE = new ParameterizedTypeReference<>() {
	};

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	Tickers tickers;

	@Autowired
	MeterRegistry meters;

	@Test
	void streamsASnapshotThenEachNewHeadlineWithItsId() {
		StoryId id = freshId();
		AtomicReference<String> addedId = new AtomicReference<>();

		StepVerifier.create(stream(null))
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.then(() -> publish(published(id, arabic(EDITION, "عاجل: زلزال يضرب جنوب تركيا", Instant.now()))))
			.assertNext(event -> {
				assertThat(event.event()).isEqualTo("added");
				assertThat(event.id()).isNotBlank();
				assertThat(event.data()).contains("زلزال يضرب جنوب تركيا").contains(id.value());
				addedId.set(event.id());
			})
			.then(() -> publish(killed(EDITION, id, 2)))
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
			.then(() -> publish(published(id,
					expiring(EDITION, "ينتهي بعد ثوان", Instant.now(), Instant.now().plusSeconds(8)))))
			.assertNext(event -> assertThat(event.event()).isEqualTo("added"))
			.assertNext(event -> assertThat(event.event()).isEqualTo("removed"))
			.thenCancel()
			.verify(Duration.ofSeconds(30));
	}

	@Test
	void resumesFromLastEventIdWithOnlyTheMissedEvents() {
		StoryId missed = freshId();
		String lastSeen = stream(null).blockFirst(Duration.ofSeconds(10)).id();
		publish(published(missed, arabic(EDITION, "خبر فاته القارئ", Instant.now())));

		StepVerifier.create(stream(lastSeen).filter(event -> event.data().contains(missed.value())))
			.assertNext(event -> assertThat(event.event()).isEqualTo("added"))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	@Test
	void keepsAReaderWhoseSnapshotAloneIsMoreThanItsConnectionMayHoldUnsent() throws Exception {
		// Twenty lines of some 34 KB each: a snapshot ten times Netty's high water mark (64 KB).
		List<StoryId> longLines = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			StoryId id = freshId();
			longLines.add(id);
			publish(published(id, arabic(LONG, id.value() + " " + "خبر طويل ".repeat(2000), Instant.now())));
		}
		await().atMost(Duration.ofSeconds(20)).until(() -> longLines.stream().allMatch(id -> lists(LONG, id)));

		try (Socket reader = new Socket()) {
			openStream(reader, LONG);
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			// The snapshot's first bytes: the server has written it all (in one go) to the stream's connection.
			readUntil(reader.getInputStream(), received, "event:snapshot");

			// While the reader still has most of its snapshot to take (more than the kernels of both ends hold), the
			// next story comes.
			StoryId next = freshId();
			publish(published(next, arabic(LONG, "الخبر التالي", Instant.now())));
			await().atMost(Duration.ofSeconds(20)).until(() -> lists(LONG, next));

			String read = readUntil(reader.getInputStream(), received, next.value());
			assertThat(Pattern.compile("event:(\\w+)").matcher(read).results().map(event -> event.group(1)))
				.containsExactly("snapshot", "added");
			assertThat(read.substring(read.indexOf("event:added"))).contains(next.value());
		}
	}

	@Test
	void dropsAReaderThatStopsReadingOnceWhatCameAfterItsSnapshotIsMoreThanItsConnectionMayHoldUnsent()
			throws Exception {
		double droppedBefore = dropped(LONG);
		try (Socket reader = new Socket()) {
			openStream(reader, LONG);
			ByteArrayOutputStream received = new ByteArrayOutputStream();
			readUntil(reader.getInputStream(), received, "event:snapshot");

			// The reader stops reading; twelve lines of some 34 KB come, six times what its connection may hold.
			List<StoryId> unread = new ArrayList<>();
			for (int i = 0; i < 12; i++) {
				StoryId id = freshId();
				unread.add(id);
				publish(published(id, arabic(LONG, id.value() + " " + "خبر لم يقرأ ".repeat(1500), Instant.now())));
			}
			await().atMost(Duration.ofSeconds(20)).until(() -> dropped(LONG) > droppedBefore);

			String read = readToEnd(reader.getInputStream(), received);
			assertThat(unread).as("the stream ends before the reader has them all")
				.anyMatch(id -> !read.contains(id.value()));
		}
	}

	@Test
	void servesTheJsonSnapshotWithAnEtagAndAnswers304WhenUnchanged() {
		StoryId id = freshId();
		publish(published(id, arabic(EDITION, "أحدث الأخبار", Instant.now())));
		WebClient client = WebClient.create("http://127.0.0.1:" + port);

		String etag = await().atMost(Duration.ofSeconds(15)).until(() -> {
			var response = client.get()
				.uri("/v1/editions/" + EDITION + "/headlines")
				.retrieve()
				.toEntity(String.class)
				.block();
			return response.getBody().contains(id.value()) ? response.getHeaders().getETag() : null;
		}, etagValue -> etagValue != null);

		var notModified = client.get()
			.uri("/v1/editions/" + EDITION + "/headlines")
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
		await().atMost(Duration.ofSeconds(15)).untilAsserted(() -> {
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

	/**
	 * Streams' connections with a small kernel send buffer, as on a long or busy path: of a large snapshot that a
	 * reader has not taken yet, the kernel holds little and the stream's channel the rest.
	 */
	@TestConfiguration(proxyBeanMethods = false)
	static class SmallSendBuffers {

		@Bean
		NettyServerCustomizer smallSendBuffers() {
			return server -> server.childOption(ChannelOption.SO_SNDBUF, 16 * 1024);
		}
	}

	private boolean lists(Edition edition, StoryId id) {
		return tickers.channel(edition.code())
			.orElseThrow()
			.snapshot()
			.headlines()
			.stream()
			.anyMatch(line -> line.storyId().equals(id.value()));
	}

	private double dropped(Edition edition) {
		Counter dropped = meters.find("flashwire.ticker.readers.dropped").tag("edition", edition.code()).counter();
		return dropped != null ? dropped.count() : 0;
	}

	/** Reads the rest of a stream the server ends (closing or resetting the connection); answers all it holds. */
	private static String readToEnd(InputStream stream, ByteArrayOutputStream received) throws IOException {
		byte[] buffer = new byte[8192];
		try {
			for (int count = stream.read(buffer); count >= 0; count = stream.read(buffer)) {
				received.write(buffer, 0, count);
			}
		}
		catch (SocketException reset) {
			// The server closed the stream with events still unsent: they are not the reader's any more.
		}
		return received.toString(StandardCharsets.UTF_8);
	}

	/** Reads into {@code received} until it holds {@code text} or the server ends the stream; answers what it holds. */
	/** Asks for the edition's stream over a plain socket, which reads only when the test does. */
	private void openStream(Socket reader, Edition edition) throws IOException {
		reader.connect(new InetSocketAddress("127.0.0.1", port));
		reader.setSoTimeout(20_000);
		reader.getOutputStream()
			.write(("GET /v1/editions/" + edition.code() + "/stream HTTP/1.1\r\nHost: 127.0.0.1\r\n"
					+ "Accept: text/event-stream\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
	}

	private static String readUntil(InputStream stream, ByteArrayOutputStream received, String text) throws IOException {
		byte[] buffer = new byte[8192];
		String read = received.toString(StandardCharsets.UTF_8);
		while (!read.contains(text)) {
			int count = stream.read(buffer);
			if (count < 0) {
				break;
			}
			received.write(buffer, 0, count);
			read = received.toString(StandardCharsets.UTF_8);
		}
		return read;
	}

	private void publish(StoryEvent event) {
		kafka.send(Topics.STORIES, event.storyId().value(), event).join();
	}
}

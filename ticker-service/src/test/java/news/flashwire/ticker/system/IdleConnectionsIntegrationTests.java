package news.flashwire.ticker.system;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

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
import reactor.test.StepVerifier;

/**
 * A kept-alive connection that carries no request for the idle timeout is closed, so idle clients cannot hold
 * connections for ever; a stream is a request in progress, however quiet, and is never cut by it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flashwire.ticker.editions=ar-idle", "flashwire.ticker.heartbeat=1h",
				"server.netty.idle-timeout=1s" })
class IdleConnectionsIntegrationTests {

	private static final Edition EDITION = Edition.of("ar-idle");

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Test
	void closesAKeptAliveConnectionThatStaysIdle() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", port)) {
			socket.setSoTimeout(10_000);
			socket.getOutputStream()
				.write(("GET /v1/editions/" + EDITION + "/headlines HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n")
					.getBytes(StandardCharsets.US_ASCII));

			// Reads the answer, then waits for the server to close the connection (a timeout here fails the test).
			String received = readToEnd(socket.getInputStream());

			assertThat(received).startsWith("HTTP/1.1 200 OK").contains("\"edition\":\"ar-idle\"");
		}
	}

	@Test
	void keepsAQuietStreamOpenPastTheIdleTimeout() {
		var story = freshId();
		var stream = WebClient.create("http://127.0.0.1:" + port)
			.get()
			.uri("/v1/editions/" + EDITION + "/stream")
			.accept(MediaType.TEXT_EVENT_STREAM)
			.retrieve()
			.bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {
			})
			.filter(event -> event.event() != null);

		StepVerifier.create(stream)
			.assertNext(event -> assertThat(event.event()).isEqualTo("snapshot"))
			.expectNoEvent(Duration.ofMillis(2500))
			.then(() -> publish(published(story, arabic(EDITION, "خبر بعد صمت طويل", Instant.now()))))
			.assertNext(event -> assertThat(event.data()).contains(story.value()).contains("خبر بعد صمت طويل"))
			.thenCancel()
			.verify(Duration.ofSeconds(20));
	}

	private static String readToEnd(InputStream in) throws IOException {
		ByteArrayOutputStream received = new ByteArrayOutputStream();
		in.transferTo(received);
		return received.toString(StandardCharsets.UTF_8);
	}

	private void publish(StoryEvent event) {
		kafka.send(Topics.STORIES, event.storyId().value(), event).join();
	}
}

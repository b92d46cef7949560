package news.flashwire.ticker.feed;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.reactive.function.client.WebClient;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.StoryId;

/** RSS and Atom feeds of an edition over a real broker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flashwire.ticker.editions=ar-feed", "flashwire.ticker.heartbeat=1h",
				"flashwire.ticker.expiry-sweep=300ms" })
class FeedIntegrationTests {

	// This class's own edition, so that no other test's stories land in its feeds (and none of its in theirs).
	private static final Edition EDITION = Edition.of("ar-feed");

	@LocalServerPort
	int port;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Test
	void servesRssAndAtomWithTheHeadlineEscapedAnd304WhenUnchanged() {
		StoryId id = freshId();
		kafka.send(Topics.STORIES, id.value(), published(id, arabic(EDITION, "<b>عاجل</b> & \"انفجار\"", Instant.now())))
			.join();
		WebClient client = WebClient.create("http://127.0.0.1:" + port);

		var rss = Awaitility.await().atMost(Duration.ofSeconds(30)).until(
				() -> client.get().uri("/v1/editions/" + EDITION + "/rss").retrieve().toEntity(String.class).block(),
				response -> response.getBody().contains(id.value()));
		var atom = client.get().uri("/v1/editions/" + EDITION + "/atom").retrieve().toEntity(String.class).block();
		var notModified = client.get()
			.uri("/v1/editions/" + EDITION + "/rss")
			.header("If-None-Match", rss.getHeaders().getETag())
			.retrieve()
			.toBodilessEntity()
			.block();

		assertThat(rss.getHeaders().getContentType().toString()).startsWith("application/rss+xml");
		assertThat(rss.getBody()).contains("&lt;b&gt;عاجل&lt;/b&gt; &amp; \"انفجار\"").doesNotContain("<b>");
		assertThat(atom.getHeaders().getContentType().toString()).startsWith("application/atom+xml");
		assertThat(atom.getBody()).contains("&lt;b&gt;عاجل&lt;/b&gt;").doesNotContain("<b>");
		assertThat(notModified.getStatusCode().value()).isEqualTo(304);
	}
}

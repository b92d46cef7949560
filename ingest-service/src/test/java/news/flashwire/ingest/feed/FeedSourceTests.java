package news.flashwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A feed's url is shown in logs and on the open health endpoint without the parts that hold its secrets. */
class FeedSourceTests {

	private final FeedSettings.Source keyed = Feeds.source("agency",
			"https://reader:pa55word@api.example.com/v1/feed.rss?apikey=s3cr3t-key&lang=ar", FeedSettings.Identity.GUID);

	@Test
	void showsItsUrlWithoutQueryOrUserInfo() {
		assertThat(keyed.shownUrl()).isEqualTo("https://…@api.example.com/v1/feed.rss?…");
		assertThat(Feeds.source("plain", "http://127.0.0.1:8080/rss", FeedSettings.Identity.GUID).shownUrl())
			.isEqualTo("http://127.0.0.1:8080/rss");
	}

	@Test
	void hidesTheUrlsSecretsInAnErrorMessageThatQuotesIt() {
		String message = "GET https://reader:pa55word@api.example.com/v1/feed.rss?apikey=s3cr3t-key&lang=ar failed;"
				+ " query apikey=s3cr3t-key&lang=ar";

		assertThat(keyed.withUrlHidden(message)).doesNotContain("s3cr3t-key")
			.doesNotContain("pa55word")
			.contains("api.example.com/v1/feed.rss");
		assertThat(keyed.withUrlHidden(null)).isEmpty();
	}
}

package news.flashwire.ingest.feed;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.UUID;

import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Urgency;

/** Feed documents for tests: the real ones copied from ROME's fixtures, and hostile ones written here. */
final class Feeds {

	private Feeds() {
	}

	static byte[] real(String name) {
		try (InputStream in = Feeds.class.getResourceAsStream("/feeds/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test feed " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	static FeedSettings.Source source(String name, String url, FeedSettings.Identity identity) {
		return new FeedSettings.Source(name, URI.create(url), Edition.of("en"), Duration.ofMinutes(5), identity,
				Urgency.ROUTINE, null);
	}

	static String uniqueName(String prefix) {
		return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
	}

	/** A distinct edition per test, so headlines of the same fixture never link across tests sharing a broker. */
	static String uniqueEdition() {
		return "en-" + UUID.randomUUID().toString().replace("-", "").substring(0, 8);
	}

	static byte[] rss(String... titles) {
		String[] items = new String[titles.length];
		for (int i = 0; i < titles.length; i++) {
			items[i] = item(UUID.nameUUIDFromBytes(titles[i].getBytes(StandardCharsets.UTF_8)).toString(), titles[i]);
		}
		return rssOf("d", items);
	}

	/** An RSS item with its own guid, so its title can change while it stays the same item. */
	static String item(String guid, String title) {
		return "<item><title>" + title + "</title><guid isPermaLink=\"false\">" + guid
				+ "</guid><pubDate>Sun, 29 Nov 2026 08:00:00 GMT</pubDate></item>";
	}

	/** An RSS document of these items; another {@code description} makes another document (and ETag) of them. */
	static byte[] rssOf(String description, String... items) {
		return ("<?xml version=\"1.0\" encoding=\"UTF-8\"?><rss version=\"2.0\"><channel><title>t</title>"
				+ "<link>https://example.com/</link><description>" + description + "</description>"
				+ String.join("", items) + "</channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** An external entity that would read a local file into a headline. */
	static byte[] externalEntity() {
		return """
				<?xml version="1.0"?>
				<!DOCTYPE rss [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<rss version="2.0"><channel><title>t</title><link>https://example.com/</link><description>d</description>
				<item><title>&xxe;</title><guid>xxe-1</guid></item></channel></rss>
				""".getBytes(StandardCharsets.UTF_8);
	}

	/** An external DTD that a vulnerable parser would fetch from {@code dtdUrl}. */
	static byte[] externalDtd(String dtdUrl) {
		return ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss SYSTEM \"" + dtdUrl + "\">\n"
				+ "<rss version=\"2.0\"><channel><title>t</title><link>https://example.com/</link><description>d</description>"
				+ "<item><title>External DTD</title><guid>dtd-1</guid></item></channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
	}

	/** "Billion laughs": ten levels of ten entities, 10^9 "lol"s once expanded. */
	static byte[] billionLaughs() {
		StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
		for (int level = 1; level <= 9; level++) {
			entities.append("<!ENTITY lol").append(level).append(" \"");
			entities.append(("&lol" + (level - 1) + ";").repeat(10)).append("\">");
		}
		return ("<?xml version=\"1.0\"?>\n<!DOCTYPE rss [" + entities + "]>\n"
				+ "<rss version=\"2.0\"><channel><title>t</title><link>https://example.com/</link><description>d</description>"
				+ "<item><title>&lol9;</title><guid>lol-1</guid></item></channel></rss>")
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] malformed() {
		return "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>cut off<item><title>Earthquake"
			.getBytes(StandardCharsets.UTF_8);
	}

	static byte[] notAFeed() {
		return "<!doctype html><html><body><h1>Moved</h1></body></html>".getBytes(StandardCharsets.UTF_8);
	}

	/** A well-formed feed of {@code items} items, each with a long description: large, but not hostile. */
	static byte[] large(int items) {
		String[] titles = new String[items];
		for (int i = 0; i < items; i++) {
			titles[i] = "Item " + i + " " + "x".repeat(200);
		}
		return rss(titles);
	}
}

package news.flashwire.ticker.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

import javax.xml.parsers.DocumentBuilderFactory;

import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import news.flashwire.common.story.Urgency;
import news.flashwire.ticker.headline.Headline;
import news.flashwire.ticker.headline.Snapshot;

class FeedWriterTests {

	private static final String HOSTILE = "<img src=x onerror=alert(1)> & ]]> \"عاجل\"\u0001";

	private final Snapshot snapshot = new Snapshot("ar", "rtl", 7, 20,
			List.of(new Headline("agency:1&2", 1, HOSTILE, URI.create("https://news.example/a?x=1&y=2"),
					Instant.parse("2026-11-29T12:00:00Z"), null, Urgency.BREAKING, "ar", "rtl", false)),
			false);

	@Test
	void writesAnRssItemWhoseTitleIsTheHeadlineAsText() throws Exception {
		Document rss = parse(new RssFeed().write(snapshot, "http://127.0.0.1/v1/editions/ar/rss"));

		assertThat(rss.getDocumentElement().getAttribute("version")).isEqualTo("2.0");
		assertThat(rss.getElementsByTagName("img").getLength()).isZero();
		assertThat(text(rss, "item", "title")).isEqualTo(HOSTILE.replace("\u0001", ""));
		assertThat(text(rss, "item", "link")).isEqualTo("https://news.example/a?x=1&y=2");
		assertThat(text(rss, "item", "pubDate")).isEqualTo("Sun, 29 Nov 2026 12:00:00 GMT");
	}

	@Test
	void writesAnAtomEntryWhoseTitleIsTheHeadlineAsText() throws Exception {
		Document atom = parse(new AtomFeed().write(snapshot, "http://127.0.0.1/v1/editions/ar/atom"));

		assertThat(atom.getDocumentElement().getNamespaceURI()).isEqualTo("http://www.w3.org/2005/Atom");
		assertThat(atom.getElementsByTagName("img").getLength()).isZero();
		assertThat(text(atom, "entry", "title")).isEqualTo(HOSTILE.replace("\u0001", ""));
		assertThat(text(atom, "entry", "updated")).isEqualTo("2026-11-29T12:00:00Z");
	}

	private static Document parse(String xml) throws Exception {
		DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
		factory.setNamespaceAware(true);
		return factory.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
	}

	private static String text(Document document, String parent, String child) {
		var element = (org.w3c.dom.Element) document.getElementsByTagName(parent).item(0);
		return element.getElementsByTagName(child).item(0).getTextContent();
	}
}

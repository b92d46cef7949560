package news.flashwire.ticker.feed;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import news.flashwire.ticker.headline.Headline;
import news.flashwire.ticker.headline.Snapshot;

/** RSS 2.0: one item per line of the ticker, newest first. */
class RssFeed extends FeedWriter {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@Override
	void write(XMLStreamWriter xml, Snapshot snapshot, String selfUrl) throws XMLStreamException {
		xml.writeStartElement("rss");
		xml.writeAttribute("version", "2.0");
		xml.writeNamespace("atom", ATOM);
		xml.writeStartElement("channel");
		element(xml, "title", "Flashwire " + snapshot.edition());
		element(xml, "link", selfUrl);
		element(xml, "description", "Latest headlines of the " + snapshot.edition() + " edition");
		element(xml, "language", snapshot.edition());
		xml.writeEmptyElement("atom", "link", ATOM);
		xml.writeAttribute("href", XmlText.of(selfUrl));
		xml.writeAttribute("rel", "self");
		xml.writeAttribute("type", "application/rss+xml");
		for (Headline line : snapshot.headlines()) {
			item(xml, line);
		}
		xml.writeEndElement();
		xml.writeEndElement();
	}

	private static void item(XMLStreamWriter xml, Headline line) throws XMLStreamException {
		xml.writeStartElement("item");
		element(xml, "title", line.headline());
		if (line.link() != null) {
			element(xml, "link", line.link().toString());
		}
		xml.writeStartElement("guid");
		xml.writeAttribute("isPermaLink", "false");
		xml.writeCharacters(XmlText.of(line.storyId()));
		xml.writeEndElement();
		element(xml, "pubDate", rfc822(line.publishedAt()));
		if (line.urgency().isAlerted()) {
			element(xml, "category", line.urgency().name().toLowerCase(java.util.Locale.ROOT));
		}
		xml.writeEndElement();
	}

	private static String rfc822(Instant instant) {
		return DateTimeFormatter.RFC_1123_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
	}
}

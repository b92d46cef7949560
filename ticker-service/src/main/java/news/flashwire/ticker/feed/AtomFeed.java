package news.flashwire.ticker.feed;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import news.flashwire.ticker.headline.Headline;
import news.flashwire.ticker.headline.Snapshot;

/** Atom (RFC 4287): one entry per line of the ticker, newest first. */
class AtomFeed extends FeedWriter {

	private static final String ATOM = "http://www.w3.org/2005/Atom";

	@Override
	void write(XMLStreamWriter xml, Snapshot snapshot, String selfUrl) throws XMLStreamException {
		xml.setDefaultNamespace(ATOM);
		xml.writeStartElement(ATOM, "feed");
		xml.writeDefaultNamespace(ATOM);
		xml.writeAttribute("xml", "http://www.w3.org/XML/1998/namespace", "lang", snapshot.edition());
		element(xml, "id", "tag:flashwire.news,2026:ticker:" + snapshot.edition());
		element(xml, "title", "Flashwire " + snapshot.edition());
		element(xml, "updated", updated(snapshot).toString());
		link(xml, selfUrl, "self");
		xml.writeStartElement("author");
		element(xml, "name", "Flashwire");
		xml.writeEndElement();
		for (Headline line : snapshot.headlines()) {
			entry(xml, line);
		}
		xml.writeEndElement();
	}

	private static void entry(XMLStreamWriter xml, Headline line) throws XMLStreamException {
		xml.writeStartElement("entry");
		element(xml, "id", "tag:flashwire.news,2026:story:" + URLEncoder.encode(line.storyId(), StandardCharsets.UTF_8));
		xml.writeStartElement("title");
		xml.writeAttribute("type", "text");
		xml.writeCharacters(XmlText.of(line.headline()));
		xml.writeEndElement();
		element(xml, "updated", line.publishedAt().toString());
		element(xml, "published", line.publishedAt().toString());
		if (line.link() != null) {
			link(xml, line.link().toString(), "alternate");
		}
		xml.writeEndElement();
	}

	private static void link(XMLStreamWriter xml, String href, String rel) throws XMLStreamException {
		xml.writeEmptyElement("link");
		xml.writeAttribute("href", XmlText.of(href));
		xml.writeAttribute("rel", rel);
	}

	private static Instant updated(Snapshot snapshot) {
		return snapshot.headlines().isEmpty() ? Instant.EPOCH : snapshot.headlines().get(0).publishedAt();
	}
}

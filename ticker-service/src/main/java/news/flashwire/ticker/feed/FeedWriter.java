package news.flashwire.ticker.feed;

import java.io.StringWriter;

import javax.xml.stream.XMLOutputFactory;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamWriter;

import news.flashwire.ticker.headline.Snapshot;

/** Writes a snapshot as a feed document; the XML writer escapes every text and attribute. */
abstract class FeedWriter {

	private static final XMLOutputFactory FACTORY = XMLOutputFactory.newFactory();

	String write(Snapshot snapshot, String selfUrl) {
		StringWriter out = new StringWriter();
		try {
			XMLStreamWriter xml = FACTORY.createXMLStreamWriter(out);
			xml.writeStartDocument("UTF-8", "1.0");
			write(xml, snapshot, selfUrl);
			xml.writeEndDocument();
			xml.close();
		}
		catch (XMLStreamException ex) {
			throw new IllegalStateException("feed could not be written", ex);
		}
		return out.toString();
	}

	abstract void write(XMLStreamWriter xml, Snapshot snapshot, String selfUrl) throws XMLStreamException;

	static void element(XMLStreamWriter xml, String name, String text) throws XMLStreamException {
		xml.writeStartElement(name);
		xml.writeCharacters(XmlText.of(text));
		xml.writeEndElement();
	}
}

package news.flashwire.ingest.agency;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import javax.xml.transform.Transformer;
import javax.xml.transform.TransformerException;
import javax.xml.transform.TransformerFactory;
import javax.xml.transform.dom.DOMSource;
import javax.xml.transform.stream.StreamResult;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.xml.sax.SAXException;
import org.xml.sax.SAXParseException;
import org.xml.sax.helpers.DefaultHandler;

import news.flashwire.ingest.story.UnreadableStory;

/**
 * Parses NewsML-G2 XML safely and splits it into items: one {@code newsItem}, or a {@code newsMessage} whose
 * {@code itemSet} holds several. A DOCTYPE is refused outright, so no DTD, external entity (file or URL) or entity
 * expansion (billion laughs) is ever processed; the JDK's secure-processing limits apply on top.
 */
final class NewsmlDocuments {

	/** The NewsML-G2 namespace. Real agency copy sometimes has none, so elements without a namespace are read too. */
	static final String NAR = "http://iptc.org/std/nar/2006-10-01/";

	private static final int MAX_DEPTH = 256;

	private NewsmlDocuments() {
	}

	/** An item of the body: the element, or why it was refused before it was read (a class: see AgencyDocuments). */
	static final class Delivered {

		private final @Nullable Element item;

		private final @Nullable String refused;

		Delivered(@Nullable Element item, @Nullable String refused) {
			this.item = item;
			this.refused = refused;
		}

		@Nullable Element item() {
			return item;
		}

		@Nullable String refused() {
			return refused;
		}
	}

	/** Whether the body is a single {@code newsItem} (else a {@code newsMessage}, or refused). */
	static boolean isNewsItem(Document document) {
		return "newsItem".equals(document.getDocumentElement().getLocalName());
	}

	static Document parse(byte[] body) {
		try {
			DocumentBuilder parser = parser();
			parser.setErrorHandler(new DefaultHandler() {
				@Override
				public void error(SAXParseException ex) throws SAXException {
					throw ex;
				}
			});
			parser.setEntityResolver((publicId, systemId) -> {
				throw new SAXException("external entities are not read");
			});
			Document document = parser.parse(new ByteArrayInputStream(body));
			Element root = document.getDocumentElement();
			if (!isNewsml(root) || !("newsItem".equals(root.getLocalName()) || "newsMessage".equals(root.getLocalName()))) {
				throw new UnreadableStory("the root element must be a NewsML-G2 newsItem or newsMessage");
			}
			return document;
		}
		catch (SAXException | IOException ex) {
			throw new UnreadableStory("the body is not well-formed XML without a DOCTYPE");
		}
	}

	/** The items of a {@code newsMessage}, each item larger than {@code maxBytes} (as written) refused on its own. */
	static List<Delivered> items(Document message, int max, long maxBytes, boolean measure) {
		List<Delivered> items = new ArrayList<>();
		for (Element itemSet : children(message.getDocumentElement(), "itemSet")) {
			for (Node node = itemSet.getFirstChild(); node != null; node = node.getNextSibling()) {
				if (node instanceof Element item && isNewsml(item)) {
					if (items.size() == max) {
						throw batchSize(max);
					}
					items.add(delivered(item, maxBytes, measure));
				}
			}
		}
		if (items.isEmpty()) {
			throw batchSize(max);
		}
		return items;
	}

	private static Delivered delivered(Element item, long maxBytes, boolean measure) {
		if (!"newsItem".equals(item.getLocalName())) {
			return new Delivered(null, "only a newsItem carries a story, not a " + item.getLocalName());
		}
		if (measure && sizeOf(item) > maxBytes) {
			return new Delivered(null, DocumentTooLarge.reason(maxBytes));
		}
		return new Delivered(item, null);
	}

	static List<Element> children(Element parent, String localName) {
		List<Element> found = new ArrayList<>();
		for (Node node = parent.getFirstChild(); node != null; node = node.getNextSibling()) {
			if (node instanceof Element element && localName.equals(element.getLocalName()) && isNewsml(element)) {
				found.add(element);
			}
		}
		return found;
	}

	static @Nullable Element child(Element parent, String localName) {
		List<Element> found = children(parent, localName);
		return found.isEmpty() ? null : found.get(0);
	}

	private static boolean isNewsml(Element element) {
		return element.getNamespaceURI() == null || NAR.equals(element.getNamespaceURI());
	}

	private static UnreadableStory batchSize(int max) {
		return new UnreadableStory("a newsMessage holds 1 to " + max + " items");
	}

	// Only asked when the whole body is over the limit: an item of a smaller body cannot be over it.
	private static long sizeOf(Element item) {
		CountingStream counter = new CountingStream();
		try {
			TransformerFactory factory = TransformerFactory.newDefaultInstance();
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_STYLESHEET, "");
			Transformer identity = factory.newTransformer();
			identity.transform(new DOMSource(item), new StreamResult(counter));
			return counter.count;
		}
		catch (TransformerException ex) {
			throw new UnreadableStory("the body is not well-formed XML without a DOCTYPE");
		}
	}

	// A builder per parse: neither factories nor builders may be shared between threads.
	private static DocumentBuilder parser() {
		try {
			DocumentBuilderFactory factory = DocumentBuilderFactory.newDefaultInstance();
			factory.setNamespaceAware(true);
			factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
			factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
			factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
			factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
			factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
			factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
			factory.setAttribute("jdk.xml.maxElementDepth", MAX_DEPTH);
			factory.setXIncludeAware(false);
			factory.setExpandEntityReferences(false);
			return factory.newDocumentBuilder();
		}
		catch (ParserConfigurationException ex) {
			throw new IllegalStateException("the JDK's XML parser lacks a security feature", ex);
		}
	}

	private static final class CountingStream extends OutputStream {

		private long count;

		@Override
		public void write(int b) {
			count++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			count += len;
		}
	}
}

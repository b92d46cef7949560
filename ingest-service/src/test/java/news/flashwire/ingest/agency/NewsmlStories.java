package news.flashwire.ingest.agency;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.UUID;

/** NewsML-G2 items as agencies send them, each with a fresh guid so tests sharing a broker never collide. */
public final class NewsmlStories {

	private NewsmlStories() {
	}

	public static String uniqueGuid() {
		return "urn:newsml:example.com:20261129:" + UUID.randomUUID();
	}

	/** A text newsItem in the shape of the NewsML-G2 Guidelines' LISTING 1, with what the test needs. */
	public static String newsItem(String guid, int version, String pubStatus, String language, String headline,
			int urgency, String itemMetaExtra) {
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="%s" version="%d" standard="NewsML-G2"
				    standardversion="2.35" conformance="power" xml:lang="%s">
				  <catalogRef href="http://www.iptc.org/std/catalog/catalog.IPTC-G2-Standards_41.xml"/>
				  <itemMeta>
				    <itemClass qcode="ninat:text"/>
				    <provider qcode="nprov:AFP"/>
				    <versionCreated>2026-11-29T10:00:00Z</versionCreated>
				    <pubStatus qcode="stat:%s"/>
				    <edNote>Not for publication: source is the minister's aide</edNote>
				    %s
				  </itemMeta>
				  <contentMeta>
				    <urgency>%d</urgency>
				    <slugline>QUAKE-TURKEY</slugline>
				    <headline>%s</headline>
				    <description role="drol:summary">A strong earthquake hit the south.</description>
				  </contentMeta>
				  <contentSet>
				    <inlineXML contenttype="application/nitf+xml"></inlineXML>
				  </contentSet>
				</newsItem>
				""".formatted(guid, version, language, pubStatus, itemMetaExtra, urgency, headline);
	}

	public static String newsItem(String guid, String language, String headline, int urgency) {
		return newsItem(guid, 1, "usable", language, headline, urgency, "");
	}

	/** A newsMessage carrying the given items (each a whole newsItem document, its XML declaration dropped). */
	public static String newsMessage(String... items) {
		StringBuilder set = new StringBuilder();
		for (String item : items) {
			set.append(item.replaceFirst("<\\?xml[^>]*\\?>", "")).append('\n');
		}
		return """
				<?xml version="1.0" encoding="UTF-8"?>
				<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">
				  <header>
				    <sent>2026-11-29T10:00:00Z</sent>
				    <sender>afp.com</sender>
				  </header>
				  <itemSet>
				%s  </itemSet>
				</newsMessage>
				""".formatted(set);
	}

	/** One of IPTC's own documents from the test resources ({@code newsml-g2/iptc/}). */
	public static byte[] iptc(String name) {
		try (InputStream in = NewsmlStories.class.getResourceAsStream("/newsml-g2/iptc/" + name)) {
			if (in == null) {
				throw new IllegalArgumentException("no test document " + name);
			}
			return in.readAllBytes();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}
}

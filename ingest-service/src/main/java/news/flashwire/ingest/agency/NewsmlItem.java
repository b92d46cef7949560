package news.flashwire.ingest.agency;

import java.net.URI;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import javax.xml.XMLConstants;

import org.jspecify.annotations.Nullable;
import org.w3c.dom.Element;

import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.ingest.embargo.Embargo;
import news.flashwire.ingest.story.Headline;
import news.flashwire.ingest.story.HeadlineText;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.UnreadableStory;

/**
 * Reads one NewsML-G2 {@code newsItem} into an {@link IncomingStory}, as {@link NinjsDocument} reads ninjs: the
 * {@code guid} and {@code version} attributes, {@code itemMeta} ({@code pubStatus}, {@code embargoed},
 * {@code versionCreated}, the first http(s) {@code link}) and {@code contentMeta} ({@code urgency}, {@code headline},
 * {@code language}, else the headline's or the item's {@code xml:lang}). Nothing else is read: {@code edNote} and the
 * content never reach a topic. Properties are read leniently, whatever the item's schema version.
 */
final class NewsmlItem {

	private static final int ROUTINE_IPTC_URGENCY = 5;

	// NewsML-G2: "version" defaults to 1.
	private static final long DEFAULT_VERSION = 1;

	private NewsmlItem() {
	}

	static IncomingStory read(String provider, Element item, AgencySettings.Source source) {
		StoryId id = storyId(provider, item.getAttribute("guid").strip());
		Element itemMeta = NewsmlDocuments.child(item, "itemMeta");
		Element contentMeta = NewsmlDocuments.child(item, "contentMeta");
		Element headlineElement = contentMeta != null ? headline(contentMeta) : null;
		if (headlineElement == null || headlineElement.getTextContent().isBlank()) {
			throw new UnreadableStory("headline is required");
		}
		Headline headline = HeadlineText.read(headlineElement.getTextContent());
		Urgency urgency = headline.flagged() ? Urgency.BREAKING : urgency(contentMeta, source);
		Story story = new Story(headline.text(), edition(item, contentMeta, headlineElement), urgency, link(itemMeta),
				null, publishedAt(itemMeta), null);
		long version = version(item);
		String status = pubStatus(itemMeta);
		if ("canceled".equals(status) || "withheld".equals(status)) {
			return IncomingStory.killed(id, version, story, status + " by " + provider);
		}
		return IncomingStory.usable(id, version, story);
	}

	/**
	 * The embargo of {@code itemMeta/embargoed}. Empty, unreadable or without a zone (NewsML-G2 allows a date alone):
	 * held for an editor, since guessing could publish it early.
	 */
	static Embargo embargo(Element item) {
		Element itemMeta = NewsmlDocuments.child(item, "itemMeta");
		Element embargoed = itemMeta != null ? NewsmlDocuments.child(itemMeta, "embargoed") : null;
		return embargoed == null ? Embargo.NONE : Embargo.parse(embargoed.getTextContent());
	}

	private static StoryId storyId(String provider, String guid) {
		if (guid.isEmpty()) {
			throw new UnreadableStory("guid is required");
		}
		try {
			return StoryId.of(provider, guid);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableStory("guid: " + ex.getMessage());
		}
	}

	// The main headline: one without a role or with the role "…:main", else the first.
	private static @Nullable Element headline(Element contentMeta) {
		List<Element> headlines = NewsmlDocuments.children(contentMeta, "headline");
		for (Element candidate : headlines) {
			String role = candidate.getAttribute("role");
			if (role.isEmpty() || role.endsWith(":main")) {
				return candidate;
			}
		}
		return headlines.isEmpty() ? null : headlines.get(0);
	}

	private static Edition edition(Element item, Element contentMeta, Element headline) {
		Element language = NewsmlDocuments.child(contentMeta, "language");
		String tag = language != null ? language.getAttribute("tag").strip() : "";
		if (tag.isEmpty()) {
			tag = xmlLang(headline);
		}
		if (tag.isEmpty()) {
			tag = xmlLang(item);
		}
		if (tag.isEmpty()) {
			throw new UnreadableStory("language is required (contentMeta/language or xml:lang)");
		}
		return LanguageTag.edition(tag);
	}

	private static String xmlLang(Element element) {
		return element.getAttributeNS(XMLConstants.XML_NS_URI, "lang").strip();
	}

	private static Urgency urgency(Element contentMeta, AgencySettings.Source source) {
		Element urgency = NewsmlDocuments.child(contentMeta, "urgency");
		int iptc = ROUTINE_IPTC_URGENCY;
		if (urgency != null) {
			try {
				iptc = Integer.parseInt(urgency.getTextContent().strip());
			}
			catch (NumberFormatException ex) {
				iptc = 0;
			}
			if (iptc < 1 || iptc > 9) {
				throw new UnreadableStory("urgency must be a whole number from 1 to 9");
			}
		}
		return Urgency.fromIptc(iptc, source.breakingAtMost(), source.urgentAtMost());
	}

	private static @Nullable URI link(@Nullable Element itemMeta) {
		if (itemMeta == null) {
			return null;
		}
		for (Element link : NewsmlDocuments.children(itemMeta, "link")) {
			String href = link.getAttribute("href").strip();
			if (href.startsWith("https://") || href.startsWith("http://")) {
				try {
					return URI.create(href);
				}
				catch (IllegalArgumentException ex) {
					throw new UnreadableStory("link: not a valid URL");
				}
			}
		}
		return null;
	}

	private static Instant publishedAt(@Nullable Element itemMeta) {
		Element when = itemMeta == null ? null : NewsmlDocuments.child(itemMeta, "versionCreated");
		if (when == null && itemMeta != null) {
			when = NewsmlDocuments.child(itemMeta, "firstCreated");
		}
		if (when == null) {
			return Instant.now();
		}
		try {
			return OffsetDateTime.parse(when.getTextContent().strip()).toInstant();
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableStory("versionCreated/firstCreated must be a date-time with a zone");
		}
	}

	private static long version(Element item) {
		String version = item.getAttribute("version").strip();
		if (version.isEmpty()) {
			return DEFAULT_VERSION;
		}
		try {
			long parsed = Long.parseLong(version);
			if (parsed < 0) {
				throw new UnreadableStory("version must be a whole number, 0 or more");
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new UnreadableStory("version must be a whole number, 0 or more");
		}
	}

	// A QCode ("stat:canceled", whatever the scheme alias) or a URI (".../pubstatusg2/canceled"); absent is usable.
	private static String pubStatus(@Nullable Element itemMeta) {
		Element pubStatus = itemMeta == null ? null : NewsmlDocuments.child(itemMeta, "pubStatus");
		if (pubStatus == null) {
			return "usable";
		}
		String qcode = pubStatus.getAttribute("qcode").strip();
		String uri = pubStatus.getAttribute("uri").strip();
		String code = !qcode.isEmpty() ? qcode.substring(qcode.indexOf(':') + 1)
				: uri.substring(uri.lastIndexOf('/') + 1);
		code = code.toLowerCase(Locale.ROOT);
		if (!List.of("usable", "withheld", "canceled").contains(code)) {
			throw new UnreadableStory("pubStatus must be stat:usable, stat:withheld or stat:canceled");
		}
		return code;
	}
}

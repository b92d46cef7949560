package news.flashwire.ingest.agency;

import java.net.URI;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.ingest.embargo.Embargo;
import news.flashwire.ingest.story.Headline;
import news.flashwire.ingest.story.HeadlineText;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.UnreadableStory;
import tools.jackson.databind.JsonNode;

/**
 * Reads one IPTC ninjs document (1.x, 2.x or 3.x) into an {@link IncomingStory}. ninjs 3 keeps headlines in a
 * {@code headlines} array of role/value objects; earlier versions have a single {@code headline} string.
 */
final class NinjsDocument {

	private static final int ROUTINE_IPTC_URGENCY = 5;

	private NinjsDocument() {
	}

	static IncomingStory read(String provider, JsonNode doc) {
		return read(provider, doc, new AgencySettings.Source(1, 2, AgencySettings.Validation.DIAGNOSTIC));
	}

	/**
	 * Only the fields below are read: {@code ednote} and every other field not meant for the public never reach a
	 * {@link Story}, so they never reach a topic.
	 */
	static IncomingStory read(String provider, JsonNode doc, AgencySettings.Source source) {
		return read(provider, doc, source, id -> Optional.empty());
	}

	/**
	 * As {@link #read(String, JsonNode, AgencySettings.Source)}, where a kill ({@code canceled} or {@code withheld})
	 * may name only its story: ninjs requires nothing but {@code uri}, and a kill needs no new text. Its headline and
	 * edition are then those of the story {@code known} gives for the id (published or held here).
	 */
	static IncomingStory read(String provider, JsonNode doc, AgencySettings.Source source,
			Function<StoryId, Optional<Story>> known) {
		if (!doc.isObject()) {
			throw new UnreadableStory("a ninjs document must be a JSON object");
		}
		StoryId id = storyId(provider, requiredText(doc, "uri"));
		String status = either(doc, "pubstatus", "pubStatus");
		boolean kill = "canceled".equals(status) || "withheld".equals(status);
		if (kill && (!hasHeadline(doc) || doc.path("language").isMissingNode())) {
			Story story = known.apply(id).orElseThrow(
					() -> new UnreadableStory("a kill of a story not published here needs its headline and language"));
			return IncomingStory.killed(id, version(doc), story, status + " by " + provider);
		}
		Headline headline = HeadlineText.read(headline(doc));
		Urgency urgency = headline.flagged() ? Urgency.BREAKING : urgency(doc, source);
		Story story = new Story(headline.text(), edition(doc), urgency, link(doc), null, publishedAt(doc), null);
		long version = version(doc);
		if (kill) {
			return IncomingStory.killed(id, version, story, status + " by " + provider);
		}
		String correction = text(doc, "correction");
		return correction == null || correction.isBlank() ? IncomingStory.usable(id, version, story)
				: IncomingStory.corrected(id, version, story, HeadlineText.note(correction, "correction"));
	}

	/**
	 * The embargo: {@code embargoedUntil} (ninjs 3.x) or {@code embargoed} (1.x, 2.x). Empty, unreadable, without a
	 * zone or not a string: held for an editor, since guessing could publish it early.
	 */
	static Embargo embargo(JsonNode doc) {
		// A null embargoedUntil beside a 2.x embargoed (a document carrying both styles) leaves the embargo to the latter.
		JsonNode until = doc.path("embargoedUntil");
		JsonNode value = until.isMissingNode() || until.isNull() ? doc.path("embargoed") : until;
		if (value.isMissingNode() || value.isNull()) {
			return Embargo.NONE;
		}
		return value.isString() ? Embargo.parse(value.asString()) : Embargo.forEditor(value.toString());
	}

	private static StoryId storyId(String provider, String uri) {
		try {
			return StoryId.of(provider, uri);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableStory("uri: " + ex.getMessage());
		}
	}

	private static boolean hasHeadline(JsonNode doc) {
		JsonNode headlines = doc.path("headlines");
		return headlines.isArray() && !headlines.isEmpty() || !doc.path("headline").isMissingNode();
	}

	private static String headline(JsonNode doc) {
		JsonNode headlines = doc.path("headlines");
		if (headlines.isArray() && !headlines.isEmpty()) {
			for (JsonNode candidate : headlines) {
				if ("main".equals(candidate.path("role").asString(""))) {
					return requiredText(candidate, "value");
				}
			}
			return requiredText(headlines.get(0), "value");
		}
		return requiredText(doc, "headline");
	}

	private static Edition edition(JsonNode doc) {
		return LanguageTag.edition(requiredText(doc, "language"));
	}

	private static Urgency urgency(JsonNode doc, AgencySettings.Source source) {
		JsonNode urgency = doc.path("urgency");
		int iptc = ROUTINE_IPTC_URGENCY;
		if (!urgency.isMissingNode() && !urgency.isNull()) {
			if (!urgency.isIntegralNumber() || urgency.asInt() < 1 || urgency.asInt() > 9) {
				throw new UnreadableStory("urgency must be a whole number from 1 to 9");
			}
			iptc = urgency.asInt();
		}
		return Urgency.fromIptc(iptc, source.breakingAtMost(), source.urgentAtMost());
	}

	private static @Nullable URI link(JsonNode doc) {
		for (JsonNode link : doc.path("links")) {
			String href = link.path("href").asString("");
			if (href.startsWith("https://") || href.startsWith("http://")) {
				try {
					return URI.create(href);
				}
				catch (IllegalArgumentException ex) {
					throw new UnreadableStory("links: not a valid URL");
				}
			}
		}
		return null;
	}

	private static Instant publishedAt(JsonNode doc) {
		String when = either(doc, "versioncreated", "versionCreated");
		if (when == null) {
			when = either(doc, "firstcreated", "firstCreated");
		}
		if (when == null) {
			return Instant.now();
		}
		try {
			return Instant.parse(when);
		}
		catch (DateTimeParseException ex) {
			throw new UnreadableStory("versioncreated/firstcreated must be an ISO 8601 date-time with a zone");
		}
	}

	// ninjs' version is a string; agencies send whole numbers from 0, often large and not consecutive.
	private static long version(JsonNode doc) {
		JsonNode node = doc.path("version");
		String version = node.isIntegralNumber() ? node.asString() : text(doc, "version");
		if (version == null) {
			return 0;
		}
		try {
			long parsed = Long.parseLong(version.strip());
			if (parsed < 0) {
				throw new UnreadableStory("version must be a whole number, 0 or more");
			}
			return parsed;
		}
		catch (NumberFormatException ex) {
			throw new UnreadableStory("version must be a whole number, 0 or more");
		}
	}

	// ninjs 3 spells its fields in camelCase (pubStatus, versionCreated), earlier versions in lower case.
	private static @Nullable String either(JsonNode doc, String lowerCase, String camelCase) {
		String value = text(doc, lowerCase);
		return value != null ? value : text(doc, camelCase);
	}

	private static String requiredText(JsonNode node, String field) {
		String value = text(node, field);
		if (value == null || value.isBlank()) {
			throw new UnreadableStory(field + " is required");
		}
		return value;
	}

	private static @Nullable String text(JsonNode node, String field) {
		JsonNode value = node.path(field);
		if (value.isMissingNode() || value.isNull()) {
			return null;
		}
		if (!value.isString()) {
			throw new UnreadableStory(field + " must be a string");
		}
		return value.asString();
	}
}

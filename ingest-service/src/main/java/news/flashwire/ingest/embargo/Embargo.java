package news.flashwire.ingest.embargo;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;

import org.jspecify.annotations.Nullable;

/**
 * When a delivered version may be published: now ({@link #NONE}), at an instant, or only when an editor says so (an
 * embargo that is empty, unreadable or without a zone: guessing its zone could publish it hours early).
 */
public record Embargo(boolean embargoed, @Nullable Instant until, @Nullable String unreadable) {

	public static final Embargo NONE = new Embargo(false, null, null);

	/** Reads an ISO 8601 date-time with an offset or {@code Z}; anything else holds the story for an editor. */
	public static Embargo parse(@Nullable String text) {
		if (text == null) {
			return NONE;
		}
		try {
			return new Embargo(true, OffsetDateTime.parse(text.strip()).toInstant(), null);
		}
		catch (DateTimeParseException ex) {
			return forEditor(text);
		}
	}

	public static Embargo until(Instant until) {
		return new Embargo(true, until, null);
	}

	public static Embargo forEditor(String text) {
		return new Embargo(true, null, text.length() > 100 ? text.substring(0, 100) : text);
	}

	/** Whether the story must wait: an embargo already over publishes at once. */
	boolean holds(Instant now) {
		return embargoed && (until == null || until.isAfter(now));
	}
}

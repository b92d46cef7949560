package news.flashwire.common.alert;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonIgnore;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;

/**
 * An urgent item for push-service: written by ingest for breaking and urgent stories and for corrections and kills of
 * stories that were alerted. Keyed by story id.
 *
 * @param previousUrgency for a correction or kill, how urgent the story was when it was last alerted (so whoever got
 * that alert gets this one too, even if the story is now less urgent); null for a new item
 */
public record Alert(EventMeta meta, StoryId storyId, long revision, Kind kind, Story story, @Nullable String note,
		@Nullable Urgency previousUrgency) {

	/** What the alert tells subscribers. */
	public enum Kind {

		/** A new urgent item. */
		NEW,

		/** A correction or update of an item alerted before. */
		CORRECTION,

		/** An alerted item was withdrawn. */
		KILL
	}

	public Alert {
		Objects.requireNonNull(meta, "meta is required");
		Objects.requireNonNull(storyId, "storyId is required");
		Objects.requireNonNull(kind, "kind is required");
		Objects.requireNonNull(story, "story is required");
		if (revision < 1) {
			throw new IllegalArgumentException("revision must be 1 or more");
		}
	}

	public Alert(EventMeta meta, StoryId storyId, long revision, Kind kind, Story story, @Nullable String note) {
		this(meta, storyId, revision, kind, story, note, null);
	}

	/** Whether this alert follows up an earlier one (a correction or kill) rather than announcing a new item. */
	@JsonIgnore
	public boolean isFollowUp() {
		return kind != Kind.NEW;
	}

	/** The more urgent of the story's urgency now and when it was last alerted. */
	public Urgency highestUrgency() {
		Urgency now = story.urgency();
		return previousUrgency != null && previousUrgency.ordinal() < now.ordinal() ? previousUrgency : now;
	}

	/**
	 * The same for every delivery of this alert to one subscriber, so receivers can drop duplicates: the story id with
	 * every character but ASCII letters, digits, {@code _} and {@code -} as {@code _} (one per code point).
	 */
	public String deliveryId() {
		String value = storyId.value();
		StringBuilder id = new StringBuilder(value.length() + 24).append("msg_");
		for (int i = 0; i < value.length(); i += Character.charCount(value.codePointAt(i))) {
			char c = value.charAt(i);
			boolean kept = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_'
					|| c == '-';
			id.append(kept ? c : '_');
		}
		return id.append("_r").append(revision).toString();
	}
}

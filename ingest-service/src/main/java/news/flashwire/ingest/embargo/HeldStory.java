package news.flashwire.ingest.embargo;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.story.IncomingStory;

/**
 * A version waiting for its embargo, as kept on the held topic: what it will publish, and when ({@code embargoedUntil},
 * or never by itself when {@code null}: then {@code embargo} is the text that could not be read and an editor decides).
 * A story killed while held stays here as {@code canceledAt}, for good: it was never public, so its kill is not either,
 * and no later version can bring it back.
 */
public record HeldStory(StoryId storyId, long version, Story story, @Nullable String correction,
		@Nullable Instant embargoedUntil, @Nullable String embargo, Instant heldAt, @Nullable Instant canceledAt) {

	static HeldStory of(IncomingStory incoming, Embargo embargo, Instant now) {
		return new HeldStory(incoming.storyId(), incoming.version(), incoming.story(), incoming.correction(),
				embargo.until(), embargo.unreadable(), now, null);
	}

	HeldStory canceled(Instant now) {
		return new HeldStory(storyId, version, story, correction, embargoedUntil, embargo, heldAt, now);
	}

	boolean isCanceled() {
		return canceledAt != null;
	}

	String status() {
		if (canceledAt != null) {
			return "canceled";
		}
		return embargoedUntil == null ? "held-for-editor" : "held";
	}

	IncomingStory incoming() {
		return correction == null ? IncomingStory.usable(storyId, version, story)
				: IncomingStory.corrected(storyId, version, story, correction);
	}

	boolean dueBy(Instant now) {
		return canceledAt == null && embargoedUntil != null && !embargoedUntil.isAfter(now);
	}
}

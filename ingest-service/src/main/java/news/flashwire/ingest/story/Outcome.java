package news.flashwire.ingest.story;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.StoryId;

/**
 * What became of one delivered version: its story id, the revision now current, and what happened ({@code published},
 * {@code updated}, {@code corrected}, {@code killed}, or, with nothing published, {@code duplicate}, {@code stale},
 * {@code already-killed}, {@code linked} to the near-duplicate story {@code linkedTo}, {@code held} until
 * {@code embargoedUntil}, {@code held-for-editor}, {@code canceled} while held).
 */
public record Outcome(StoryId storyId, long revision, String status, @Nullable StoryId linkedTo,
		@Nullable Instant embargoedUntil) {

	public Outcome(StoryId storyId, long revision, String status, @Nullable StoryId linkedTo) {
		this(storyId, revision, status, linkedTo, null);
	}

	public static Outcome of(StoryId id, long revision, String status) {
		return new Outcome(id, revision, status, null, null);
	}
}

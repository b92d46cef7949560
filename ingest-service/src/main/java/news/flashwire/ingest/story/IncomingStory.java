package news.flashwire.ingest.story;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;

/**
 * One version of a story as a source delivered it, already read into our model: what intake turns into an event.
 * {@code version} is the source's own version number (0 and up, in numeric order, not necessarily consecutive); a
 * {@code correction} note marks a newer version as a correction; a killed story carries what was last known of it.
 * Its {@link NearDuplicateKey} is worked out once, when it is made, for the locks, the rules and the ledger to share.
 */
public record IncomingStory(StoryId storyId, long version, Status status, Story story, @Nullable String correction,
		@Nullable String killReason, String nearDuplicateKey) {

	/** The publication status of the delivered version. */
	public enum Status {

		USABLE, KILLED
	}

	/** The version after the one last published: the newsroom's own items are numbered by ingest. */
	public static final long NEXT_VERSION = Long.MAX_VALUE;

	public IncomingStory {
		Objects.requireNonNull(storyId, "storyId is required");
		Objects.requireNonNull(status, "status is required");
		Objects.requireNonNull(story, "story is required");
		Objects.requireNonNull(nearDuplicateKey, "nearDuplicateKey is required");
		if (version < 0) {
			throw new IllegalArgumentException("version must be 0 or more");
		}
	}

	public IncomingStory(StoryId storyId, long version, Status status, Story story, @Nullable String correction,
			@Nullable String killReason) {
		this(storyId, version, status, story, correction, killReason, keyOf(story));
	}

	public static IncomingStory usable(StoryId id, long version, Story story) {
		return new IncomingStory(id, version, Status.USABLE, story, null, null);
	}

	public static IncomingStory corrected(StoryId id, long version, Story story, String correction) {
		return new IncomingStory(id, version, Status.USABLE, story, correction, null);
	}

	public static IncomingStory killed(StoryId id, long version, Story lastKnown, String reason) {
		return new IncomingStory(id, version, Status.KILLED, lastKnown, null, reason);
	}

	private static String keyOf(Story story) {
		Objects.requireNonNull(story, "story is required");
		return NearDuplicateKey.of(story.edition(), story.headline());
	}
}

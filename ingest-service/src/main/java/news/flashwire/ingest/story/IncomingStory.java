package news.flashwire.ingest.story;

import java.util.Objects;


import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;

/**
 * One version of a story as a source delivered it, already read into our model: what intake turns into an event.
 * A killed story carries what was last known of it.
 */
public record IncomingStory(StoryId storyId, long version, Status status, Story story) {

	/** The publication status of the delivered version. */
	public enum Status {

		USABLE, KILLED
	}

	public IncomingStory {
		Objects.requireNonNull(storyId, "storyId is required");
		Objects.requireNonNull(status, "status is required");
		Objects.requireNonNull(story, "story is required");
		if (version < 1) {
			throw new IllegalArgumentException("version must be 1 or more");
		}
	}

	public static IncomingStory usable(StoryId id, long version, Story story) {
		return new IncomingStory(id, version, Status.USABLE, story);
	}

	public static IncomingStory killed(StoryId id, long version, Story lastKnown) {
		return new IncomingStory(id, version, Status.KILLED, lastKnown);
	}

}

package news.flashwire.common.story;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import news.flashwire.common.event.EventMeta;

/** The life of a story as facts: published, updated, corrected, killed. Keyed by {@link #storyId()}. */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = StoryEvent.Published.class, name = "story.published"),
		@JsonSubTypes.Type(value = StoryEvent.Updated.class, name = "story.updated"),
		@JsonSubTypes.Type(value = StoryEvent.Corrected.class, name = "story.corrected"),
		@JsonSubTypes.Type(value = StoryEvent.Killed.class, name = "story.killed") })
public sealed interface StoryEvent {

	EventMeta meta();

	StoryId storyId();

	/** The story's version, 1 and up; consumers drop what is not newer than what they have. */
	long revision();

	/** The edition whose ticker shows the story. */
	Edition edition();

	/** A story appears for the first time. */
	record Published(EventMeta meta, StoryId storyId, long revision, Story story) implements StoryEvent {

		public Published {
			requireCommon(meta, storyId, revision);
			Objects.requireNonNull(story, "story is required");
		}

		@Override
		public Edition edition() {
			return story.edition();
		}
	}

	/** A newer version replaces the story everywhere. */
	record Updated(EventMeta meta, StoryId storyId, long revision, Story story) implements StoryEvent {

		public Updated {
			requireCommon(meta, storyId, revision);
			Objects.requireNonNull(story, "story is required");
		}

		@Override
		public Edition edition() {
			return story.edition();
		}
	}

	/** A newer version that corrects an error, with a note saying what was corrected. */
	record Corrected(EventMeta meta, StoryId storyId, long revision, Story story, String correction)
			implements StoryEvent {

		public Corrected {
			requireCommon(meta, storyId, revision);
			Objects.requireNonNull(story, "story is required");
			if (correction == null || correction.isBlank()) {
				throw new IllegalArgumentException("correction note is required");
			}
		}

		@Override
		public Edition edition() {
			return story.edition();
		}
	}

	/** The story is withdrawn for good, every version of it. */
	record Killed(EventMeta meta, StoryId storyId, long revision, Edition edition, String reason)
			implements StoryEvent {

		public Killed {
			requireCommon(meta, storyId, revision);
			Objects.requireNonNull(edition, "edition is required");
			if (reason == null || reason.isBlank()) {
				throw new IllegalArgumentException("kill reason is required");
			}
		}
	}

	private static void requireCommon(EventMeta meta, StoryId storyId, long revision) {
		Objects.requireNonNull(meta, "meta is required");
		Objects.requireNonNull(storyId, "storyId is required");
		if (revision < 1) {
			throw new IllegalArgumentException("revision must be 1 or more");
		}
	}
}

package news.flashwire.common.ticker;

import java.util.Objects;

import com.fasterxml.jackson.annotation.JsonSubTypes;
import com.fasterxml.jackson.annotation.JsonTypeInfo;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;

/**
 * A change to what an edition's ticker shows, keyed by edition: each edition is one ordered sequence, and a change's
 * position in it is the same on every ticker instance.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.NAME, property = "type")
@JsonSubTypes({ @JsonSubTypes.Type(value = TickerChange.Listed.class, name = "ticker.listed"),
		@JsonSubTypes.Type(value = TickerChange.Removed.class, name = "ticker.removed") })
public sealed interface TickerChange {

	EventMeta meta();

	StoryId storyId();

	long revision();

	Edition edition();

	/** The story is shown, or its line is replaced by this newer revision. */
	record Listed(EventMeta meta, StoryId storyId, long revision, Story story, boolean corrected)
			implements TickerChange {

		public Listed {
			Objects.requireNonNull(meta, "meta is required");
			Objects.requireNonNull(storyId, "storyId is required");
			Objects.requireNonNull(story, "story is required");
		}

		@Override
		public Edition edition() {
			return story.edition();
		}
	}

	/** The story leaves the ticker (killed). */
	record Removed(EventMeta meta, StoryId storyId, long revision, Edition edition) implements TickerChange {

		public Removed {
			Objects.requireNonNull(meta, "meta is required");
			Objects.requireNonNull(storyId, "storyId is required");
			Objects.requireNonNull(edition, "edition is required");
		}
	}
}

package news.flashwire.ingest.story;

import java.time.Instant;

import news.flashwire.common.story.Story;

/**
 * What ingest remembers of a story: the source version and our revision last published, whether it was killed (a
 * kill is kept for good, so a late older version can never bring the story back), and its last public text.
 */
public record StoryState(long sourceVersion, long revision, boolean killed, Story story, Instant seenAt) {

	boolean wasAlerted() {
		return story.urgency().isAlerted();
	}
}

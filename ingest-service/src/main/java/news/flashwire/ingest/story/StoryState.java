package news.flashwire.ingest.story;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.Urgency;

/**
 * What ingest remembers of a story: the source version and our revision last published, whether it was killed (a
 * kill is kept for good, so a late older version can never bring the story back), its last public text, and the most
 * urgent it was ever alerted as (null if never), so its corrections and kill follow every alert it had.
 */
public record StoryState(long sourceVersion, long revision, boolean killed, Story story, Instant seenAt,
		@Nullable Urgency alertedAs) {

	public StoryState(long sourceVersion, long revision, boolean killed, Story story, Instant seenAt) {
		this(sourceVersion, revision, killed, story, seenAt, story.urgency().isAlerted() ? story.urgency() : null);
	}

	boolean wasAlerted() {
		return alertedAs != null;
	}

	/** The most urgent of what it was alerted as so far and {@code urgency} if that is alerted too. */
	static @Nullable Urgency alertedAs(@Nullable StoryState known, Urgency urgency) {
		Urgency before = known != null ? known.alertedAs() : null;
		if (!urgency.isAlerted()) {
			return before;
		}
		return before != null && before.ordinal() < urgency.ordinal() ? before : urgency;
	}
}

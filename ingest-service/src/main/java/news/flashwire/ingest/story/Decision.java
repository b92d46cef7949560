package news.flashwire.ingest.story;

import org.jspecify.annotations.Nullable;

/** What intake decided for one version: what to answer, and what to publish (nothing for duplicates and stale ones). */
public record Decision(Outcome outcome, @Nullable Publication publication, long sourceVersion) {

	static Decision nothing(Outcome outcome) {
		return new Decision(outcome, null, -1);
	}
}

package news.flashwire.ticker.headline;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.Urgency;
import news.flashwire.common.ticker.TickerChange;

/** One line of a ticker as websites see it. */
public record Headline(String storyId, long revision, String headline, @Nullable URI link, Instant publishedAt,
		Urgency urgency, String language, String direction, boolean corrected) {

	static Headline of(TickerChange.Listed listed) {
		Story story = listed.story();
		return new Headline(listed.storyId().value(), listed.revision(), story.headline(), story.link(),
				story.publishedAt(), story.urgency(), story.language(), story.edition().direction(), listed.corrected());
	}

	boolean isNewerThan(Headline other) {
		int byTime = publishedAt.compareTo(other.publishedAt);
		return byTime != 0 ? byTime > 0 : storyId.compareTo(other.storyId) > 0;
	}
}

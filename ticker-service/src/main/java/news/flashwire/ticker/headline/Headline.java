package news.flashwire.ticker.headline;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.Urgency;
import news.flashwire.common.ticker.TickerChange;

/** One line of a ticker as websites see it. */
public record Headline(String storyId, long revision, String headline, @Nullable URI link, Instant publishedAt,
		@Nullable Instant expiresAt, Urgency urgency, String language, String direction, boolean corrected) {

	static Headline of(TickerChange.Listed listed) {
		Story story = listed.story();
		return new Headline(listed.storyId().value(), listed.revision(), story.headline(), story.link(),
				story.publishedAt(), story.expiresAt(), story.urgency(), story.language(), story.edition().direction(),
				listed.corrected());
	}

	boolean isNewerThan(Headline other) {
		int byTime = publishedAt.compareTo(other.publishedAt);
		return byTime != 0 ? byTime > 0 : storyId.compareTo(other.storyId) > 0;
	}

	/** Whether the line must leave by {@code now}: past its own expiry, or older than {@code maxAge}. */
	boolean hasExpired(Instant now, Duration maxAge) {
		return (expiresAt != null && !expiresAt.isAfter(now)) || !publishedAt.plus(maxAge).isAfter(now);
	}
}

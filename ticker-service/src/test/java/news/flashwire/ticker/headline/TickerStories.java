package news.flashwire.ticker.headline;

import java.time.Instant;
import java.util.UUID;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.common.ticker.TickerChange;

/**
 * Stories and ticker changes as the newsroom makes them; every story id is fresh. Without an edition they are of
 * the ar (or en) edition; the integration tests name their own, so that no test class sees another's stories.
 */
public final class TickerStories {

	private static final Edition AR = Edition.of("ar");

	private TickerStories() {
	}

	public static StoryId freshId() {
		return StoryId.of("test", UUID.randomUUID().toString());
	}

	public static Story arabic(String headline, Instant publishedAt) {
		return arabic(AR, headline, publishedAt);
	}

	/** An urgent story of {@code edition}, an Arabic one such as ar or ar-widget. */
	public static Story arabic(Edition edition, String headline, Instant publishedAt) {
		return new Story(headline, inLanguage("ar", edition), Urgency.URGENT, null, null, publishedAt, null);
	}

	public static Story breakingArabic(Edition edition, String headline, Instant publishedAt) {
		return new Story(headline, inLanguage("ar", edition), Urgency.BREAKING, null, null, publishedAt, null);
	}

	public static Story english(String headline, Instant publishedAt) {
		return english(Edition.of("en"), headline, publishedAt);
	}

	/** A routine story of {@code edition}, an English one such as en or en-multi. */
	public static Story english(Edition edition, String headline, Instant publishedAt) {
		return new Story(headline, inLanguage("en", edition), Urgency.ROUTINE, null, null, publishedAt, null);
	}

	public static Story expiring(String headline, Instant publishedAt, Instant expiresAt) {
		return expiring(AR, headline, publishedAt, expiresAt);
	}

	public static Story expiring(Edition edition, String headline, Instant publishedAt, Instant expiresAt) {
		return new Story(headline, edition, Urgency.ROUTINE, null, null, publishedAt, expiresAt);
	}

	public static StoryEvent.Published published(StoryId id, Story story) {
		return new StoryEvent.Published(EventMeta.now(), id, 1, story);
	}

	public static StoryEvent.Killed killed(StoryId id, long revision) {
		return killed(AR, id, revision);
	}

	public static StoryEvent.Killed killed(Edition edition, StoryId id, long revision) {
		return new StoryEvent.Killed(EventMeta.now(), id, revision, edition, "legal");
	}

	public static TickerChange.Listed listed(StoryId id, long revision, Story story) {
		return new TickerChange.Listed(EventMeta.now(), id, revision, story, false);
	}

	public static TickerChange.Listed listedAt(StoryId id, long revision, Story story, Instant projectedAt) {
		return new TickerChange.Listed(new EventMeta(UUID.randomUUID(), projectedAt, 1), id, revision, story, false);
	}

	public static TickerChange.Removed removed(StoryId id, long revision) {
		return new TickerChange.Removed(EventMeta.now(), id, revision, AR);
	}

	private static Edition inLanguage(String language, Edition edition) {
		if (!edition.language().equals(language)) {
			throw new IllegalArgumentException("edition " + edition + " is not in language " + language);
		}
		return edition;
	}
}

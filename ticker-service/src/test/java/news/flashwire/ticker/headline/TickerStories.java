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

/** Stories and ticker changes as the newsroom makes them; every story id is fresh. */
public final class TickerStories {

	private TickerStories() {
	}

	public static StoryId freshId() {
		return StoryId.of("test", UUID.randomUUID().toString());
	}

	public static Story arabic(String headline, Instant publishedAt) {
		return new Story(headline, Edition.of("ar"), Urgency.URGENT, null, null, publishedAt, null);
	}

	public static Story breakingArabic(String headline, Instant publishedAt) {
		return new Story(headline, Edition.of("ar"), Urgency.BREAKING, null, null, publishedAt, null);
	}

	public static Story english(String headline, Instant publishedAt) {
		return new Story(headline, Edition.of("en"), Urgency.ROUTINE, null, null, publishedAt, null);
	}

	public static Story expiring(String headline, Instant publishedAt, Instant expiresAt) {
		return new Story(headline, Edition.of("ar"), Urgency.ROUTINE, null, null, publishedAt, expiresAt);
	}

	public static StoryEvent.Published published(StoryId id, Story story) {
		return new StoryEvent.Published(EventMeta.now(), id, 1, story);
	}

	public static StoryEvent.Killed killed(StoryId id, long revision) {
		return new StoryEvent.Killed(EventMeta.now(), id, revision, Edition.of("ar"), "legal");
	}

	public static TickerChange.Listed listed(StoryId id, long revision, Story story) {
		return new TickerChange.Listed(EventMeta.now(), id, revision, story, false);
	}

	public static TickerChange.Listed listedAt(StoryId id, long revision, Story story, Instant projectedAt) {
		return new TickerChange.Listed(new EventMeta(UUID.randomUUID(), projectedAt, 1), id, revision, story, false);
	}

	public static TickerChange.Removed removed(StoryId id, long revision) {
		return new TickerChange.Removed(EventMeta.now(), id, revision, Edition.of("ar"));
	}
}

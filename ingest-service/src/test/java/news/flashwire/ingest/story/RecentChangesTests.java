package news.flashwire.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import news.flashwire.common.story.StoryId;

class RecentChangesTests {

	private final RecentChanges recent = new RecentChanges();

	@Test
	void listsEachProvidersNewestChangesAsSortingEveryStoryWould() {
		SplittableRandom random = new SplittableRandom(20261129);
		Map<StoryId, Instant> lastSeen = new HashMap<>();
		Instant start = Instant.parse("2026-11-29T10:00:00Z");
		// 3,000 stories of two providers, changed 20,000 times at random moments, some to an earlier time.
		for (int i = 0; i < 20_000; i++) {
			StoryId storyId = StoryId.of(random.nextBoolean() ? "afp" : "newsroom", "urn:" + random.nextInt(3_000));
			Instant seenAt = start.plusMillis(random.nextInt(10_000_000));
			recent.changed(storyId, lastSeen.get(storyId), seenAt);
			lastSeen.put(storyId, seenAt);
		}

		for (String provider : List.of("afp", "newsroom")) {
			List<StoryId> expected = lastSeen.entrySet()
				.stream()
				.filter(entry -> entry.getKey().value().startsWith(provider + ":"))
				.sorted(Comparator.comparing(Map.Entry<StoryId, Instant>::getValue)
					.reversed()
					.thenComparing(entry -> entry.getKey().value()))
				.limit(200)
				.map(Map.Entry::getKey)
				.toList();
			assertThat(recent.newest(provider, 200)).isEqualTo(expected);
		}
	}

	@Test
	void keepsAStoryOnceWhateverHowOftenItChanges() {
		StoryId storyId = StoryId.of("newsroom", "urn:1");
		Instant seenAt = Instant.parse("2026-11-29T10:00:00Z");
		recent.changed(storyId, null, seenAt);
		recent.changed(storyId, seenAt, seenAt.plusSeconds(1));
		recent.changed(storyId, seenAt.plusSeconds(1), seenAt.plusSeconds(2));

		assertThat(recent.newest("newsroom", 10)).containsExactly(storyId);
		assertThat(recent.newest("afp", 10)).isEmpty();
	}

	@Test
	void forgetsAllButTheNewestItKeepsUntilAStoryChangesAgain() {
		Instant start = Instant.parse("2026-11-29T10:00:00Z");
		StoryId oldest = StoryId.of("newsroom", "urn:oldest");
		recent.changed(oldest, null, start);
		for (int i = 1; i <= RecentChanges.KEPT; i++) {
			recent.changed(StoryId.of("newsroom", "urn:" + i), null, start.plusSeconds(i));
		}
		assertThat(recent.newest("newsroom", RecentChanges.KEPT + 1)).hasSize(RecentChanges.KEPT)
			.doesNotContain(oldest);

		recent.changed(oldest, start, start.plusSeconds(RecentChanges.KEPT + 1));

		assertThat(recent.newest("newsroom", 1)).containsExactly(oldest);
		assertThat(recent.newest("newsroom", RecentChanges.KEPT + 1)).hasSize(RecentChanges.KEPT);
	}
}

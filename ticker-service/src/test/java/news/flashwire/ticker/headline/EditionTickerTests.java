package news.flashwire.ticker.headline;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.english;
import static news.flashwire.ticker.headline.TickerStories.expiring;
import static news.flashwire.ticker.headline.TickerStories.listed;
import static news.flashwire.ticker.headline.TickerStories.listedAt;
import static news.flashwire.ticker.headline.TickerStories.removed;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;

class EditionTickerTests {

	private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

	private final EditionTicker ticker = new EditionTicker("ar", 3, Duration.ofDays(3650));

	@Test
	void listsAStoryOnceWhenTheSameChangeArrivesTwice() {
		StoryId id = freshId();
		ticker.apply(listed(id, 1, arabic("عاجل: انفجار في الميناء", NOON)), 1);

		assertThat(ticker.apply(listed(id, 1, arabic("عاجل: انفجار في الميناء", NOON)), 2)).isEmpty();
		assertThat(ticker.lines()).hasSize(1);
	}

	@Test
	void replacesALineInPlaceWithANewerRevision() {
		StoryId first = freshId();
		StoryId second = freshId();
		ticker.apply(listed(first, 1, arabic("مقتل 98 شخصا", NOON)), 1);
		ticker.apply(listed(second, 1, arabic("خبر آخر", NOON.minusSeconds(60))), 2);

		TickerUpdate update = ticker.apply(listed(first, 2, arabic("مقتل 120 شخصا", NOON)), 3).orElseThrow();

		assertThat(update.kind()).isEqualTo(TickerUpdate.Kind.UPDATED);
		assertThat(update.index()).isZero();
		assertThat(ticker.lines()).extracting(Headline::headline).containsExactly("مقتل 120 شخصا", "خبر آخر");
	}

	@Test
	void ignoresAnOlderRevisionArrivingLate() {
		StoryId id = freshId();
		ticker.apply(listed(id, 3, arabic("الإصدار الثالث", NOON)), 1);

		assertThat(ticker.apply(listed(id, 2, arabic("الإصدار الثاني", NOON)), 2)).isEmpty();
		assertThat(ticker.lines()).extracting(Headline::headline).containsExactly("الإصدار الثالث");
	}

	@Test
	void removesAKilledStoryAndNeverBringsItBack() {
		StoryId id = freshId();
		ticker.apply(listed(id, 1, arabic("خبر سيسحب", NOON)), 1);

		TickerUpdate removal = ticker.apply(removed(id, 2), 2).orElseThrow();
		ticker.apply(listed(id, 1, arabic("خبر سيسحب", NOON)), 3);

		assertThat(removal.kind()).isEqualTo(TickerUpdate.Kind.REMOVED);
		assertThat(ticker.lines()).isEmpty();
	}

	@Test
	void keepsTheNewestLinesFirstUpToItsCapacity() {
		for (int minute = 0; minute < 5; minute++) {
			ticker.apply(listed(freshId(), 1, arabic("خبر " + minute, NOON.plusSeconds(60L * minute))), minute + 1);
		}

		assertThat(ticker.lines()).extracting(Headline::headline).containsExactly("خبر 4", "خبر 3", "خبر 2");
	}

	@Test
	void skipsAStoryOlderThanEveryLineOfAFullTicker() {
		for (int minute = 1; minute <= 3; minute++) {
			ticker.apply(listed(freshId(), 1, arabic("خبر " + minute, NOON.plusSeconds(60L * minute))), minute);
		}

		assertThat(ticker.apply(listed(freshId(), 1, arabic("قديم", NOON)), 4)).isEmpty();
	}

	@Test
	void neverShowsANearDuplicateHeadlineAsASecondLine() {
		ticker.apply(listed(freshId(), 1, arabic("عاجل: مقتل ٩٨ شخصاً في انفجار الميناء", NOON)), 1);

		assertThat(ticker.apply(listed(freshId(), 1, arabic("عاجل - مقتل 98 شخصا في إنفجـار الميناء", NOON)), 2))
			.isEmpty();
		assertThat(ticker.lines()).hasSize(1);
	}

	@Test
	void keepsHeadlinesWithDifferentFiguresAsTwoLines() {
		ticker.apply(listed(freshId(), 1, english("Quake: 98 dead", NOON)), 1);
		ticker.apply(listed(freshId(), 1, english("Quake: 120 dead", NOON.plusSeconds(60))), 2);

		assertThat(ticker.lines()).extracting(Headline::headline).containsExactly("Quake: 120 dead", "Quake: 98 dead");
	}

	@Test
	void takesOffAStoryRewrittenIntoTheHeadlineOfAnotherLine() {
		StoryId first = freshId();
		StoryId second = freshId();
		ticker.apply(listed(first, 1, english("Storm closes airport", NOON)), 1);
		ticker.apply(listed(second, 1, english("Storm hits coast", NOON.plusSeconds(60))), 2);

		TickerUpdate update = ticker.apply(listed(second, 2, english("STORM CLOSES AIRPORT.", NOON)), 3).orElseThrow();

		assertThat(update.kind()).isEqualTo(TickerUpdate.Kind.REMOVED);
		assertThat(ticker.lines()).extracting(Headline::storyId).containsExactly(first.value());
	}


	@Test
	void comparesLaterStoriesWithTheHeadlinesShownNow() {
		StoryId updated = freshId();
		StoryId killed = freshId();
		ticker.apply(listed(updated, 1, english("Storm hits coast", NOON)), 1);
		ticker.apply(listed(killed, 1, english("Ferry sinks", NOON.plusSeconds(60))), 2);
		ticker.apply(listed(updated, 2, english("Storm closes airport", NOON)), 3);
		ticker.apply(removed(killed, 2), 4);

		assertThat(ticker.apply(listed(freshId(), 1, english("Storm closes airport!", NOON.plusSeconds(1))), 5)).isEmpty();
		assertThat(ticker.apply(listed(freshId(), 1, english("Storm hits coast", NOON.plusSeconds(2))), 6)).isPresent();
		assertThat(ticker.apply(listed(freshId(), 1, english("Ferry sinks", NOON.plusSeconds(3))), 7)).isPresent();
		assertThat(ticker.lines()).extracting(Headline::headline)
			.containsExactly("Ferry sinks", "Storm hits coast", "Storm closes airport");

		ticker.apply(listed(freshId(), 1, english("Bridge reopens", NOON.plusSeconds(4))), 8);
		assertThat(ticker.apply(listed(freshId(), 1, english("Storm closes airport", NOON.plusSeconds(5))), 9))
			.isPresent();
		assertThat(ticker.lines()).extracting(Headline::headline)
			.containsExactly("Storm closes airport", "Bridge reopens", "Ferry sinks");
	}

	@Test
	void doesNotListAStoryThatHadExpiredWhenItReachedTheTicker() {
		Story story = expiring("انتهت صلاحيته", NOON, NOON.plusSeconds(60));

		assertThat(ticker.apply(listedAt(freshId(), 1, story, NOON.plusSeconds(61)), 1)).isEmpty();
		assertThat(ticker.lines()).isEmpty();
	}

	@Test
	void doesNotListAStoryOlderThanTheMaximumAge() {
		EditionTicker lastHour = new EditionTicker("ar", 3, Duration.ofHours(1));

		assertThat(lastHour.apply(listedAt(freshId(), 1, arabic("خبر قديم", NOON), NOON.plusSeconds(3601)), 1))
			.isEmpty();
	}

	@Test
	void namesTheLinesDueToExpireForTheSweep() {
		EditionTicker lastHour = new EditionTicker("ar", 3, Duration.ofHours(1));
		StoryId expiring = freshId();
		StoryId aged = freshId();
		lastHour.apply(listedAt(expiring, 1, expiring("ينتهي قريبا", NOON, NOON.plusSeconds(60)), NOON), 1);
		lastHour.apply(listedAt(aged, 1, arabic("يشيخ", NOON.minusSeconds(3000)), NOON), 2);
		lastHour.apply(listedAt(freshId(), 1, arabic("يبقى", NOON), NOON), 3);

		assertThat(lastHour.expired(NOON.plusSeconds(30))).isEmpty();
		assertThat(lastHour.expired(NOON.plusSeconds(601))).extracting(Headline::storyId)
			.containsExactlyInAnyOrder(expiring.value(), aged.value());
	}

	@Test
	void removesAnExpiredLineWhenItsRemovalArrivesAndLetsALaterRevisionBack() {
		StoryId id = freshId();
		// Listed before it expires, whatever today's date: the expiry is judged at the change's own time.
		ticker.apply(listedAt(id, 1, expiring("ينتهي", NOON, NOON.plusSeconds(60)), NOON), 1);

		TickerUpdate removal = ticker.apply(removed(id, 1), 2).orElseThrow();
		assertThat(ticker.apply(listed(id, 1, arabic("ينتهي", NOON)), 3)).isEmpty();
		TickerUpdate back = ticker.apply(listed(id, 2, arabic("ينتهي، ثم مدد", NOON)), 4).orElseThrow();

		assertThat(removal.kind()).isEqualTo(TickerUpdate.Kind.REMOVED);
		assertThat(back.kind()).isEqualTo(TickerUpdate.Kind.ADDED);
	}

	@Test
	void keepsANewerRevisionWhenTheExpiryOfAnOlderOneArrivesLate() {
		StoryId id = freshId();
		ticker.apply(listedAt(id, 1, expiring("ينتهي", NOON, NOON.plusSeconds(60)), NOON), 1);
		ticker.apply(listedAt(id, 2, expiring("ينتهي، ثم مدد", NOON, NOON.plusSeconds(3600)), NOON), 2);

		// Another instance swept revision 1 before it read revision 2.
		assertThat(ticker.apply(removed(id, 1), 3)).isEmpty();

		assertThat(ticker.lines()).extracting(Headline::storyId, Headline::revision).containsExactly(tuple(id.value(), 2L));
	}
}

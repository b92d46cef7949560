package news.flashwire.ingest.story;

import static news.flashwire.ingest.story.Stories.freshId;
import static news.flashwire.ingest.story.Stories.story;
import static news.flashwire.ingest.story.Stories.version;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;

/** The story rules, fed version by version as the publisher does: decide, then apply what was published. */
class StoryIntakeTests {

	private final StoryLedger ledger = new StoryLedger(new StorySettings(Duration.ofHours(48)));

	private final StoryIntake intake = new StoryIntake(ledger);

	private final StoryId id = freshId();

	@Test
	void publishesTheFirstVersionAsRevisionOneEvenWhenItIsVersionZero() {
		Decision decision = accept(version(id, 0, "Quake hits Turkey"));

		assertThat(decision.outcome()).isEqualTo(Outcome.of(id, 1, "published"));
		assertThat(decision.publication().event()).isInstanceOf(StoryEvent.Published.class);
	}

	@Test
	void acknowledgesTheSameVersionAgainAndPublishesNothing() {
		accept(version(id, 7, "Quake hits Turkey"));

		Decision again = accept(version(id, 7, "Quake hits Turkey"));

		assertThat(again.outcome()).isEqualTo(Outcome.of(id, 1, "duplicate"));
		assertThat(again.publication()).isNull();
	}

	@Test
	void publishesANewerVersionAsTheNextRevisionWhateverTheGap() {
		accept(version(id, 1000, "Quake hits Turkey"));

		Decision newer = accept(version(id, 987654321, "Quake kills 98 in Turkey"));

		assertThat(newer.outcome()).isEqualTo(Outcome.of(id, 2, "updated"));
		assertThat(newer.publication().event()).isInstanceOf(StoryEvent.Updated.class);
	}

	@Test
	void comparesVersionsAsNumbers() {
		accept(version(id, 9, "Quake hits Turkey"));

		assertThat(accept(version(id, 10, "Quake kills 98")).outcome().status()).isEqualTo("updated");
	}

	@Test
	void ignoresAnOlderVersionArrivingLate() {
		accept(version(id, 5, "Quake kills 98 in Turkey"));

		Decision late = accept(version(id, 3, "Quake hits Turkey"));

		assertThat(late.outcome()).isEqualTo(Outcome.of(id, 1, "stale"));
		assertThat(late.publication()).isNull();
	}

	@Test
	void publishesAVersionMarkedAsCorrectionAsACorrection() {
		accept(version(id, 1, "Quake kills 89"));

		Decision corrected = accept(IncomingStory.corrected(id, 2, story("Quake kills 98", Urgency.ROUTINE), "toll"));

		assertThat(corrected.publication().event()).isInstanceOfSatisfying(StoryEvent.Corrected.class,
				event -> assertThat(event.correction()).isEqualTo("toll"));
	}

	@Test
	void aKillIsATombstoneThatNoVersionRevives() {
		accept(version(id, 3, "Quake hits Turkey"));
		Decision kill = accept(IncomingStory.killed(id, 4, story("Quake hits Turkey", Urgency.ROUTINE), "canceled"));

		assertThat(kill.outcome()).isEqualTo(Outcome.of(id, 2, "killed"));
		assertThat(accept(version(id, 2, "Quake hits Turkey")).outcome().status()).isEqualTo("already-killed");
		assertThat(accept(version(id, 9, "Quake hits Turkey")).publication()).isNull();
	}

	@Test
	void aKillOfAnUnknownStoryIsRememberedSoTheStoryNeverAppears() {
		accept(IncomingStory.killed(id, 4, story("Quake hits Turkey", Urgency.ROUTINE), "withheld"));

		assertThat(accept(version(id, 1, "Quake hits Turkey")).outcome().status()).isEqualTo("already-killed");
	}

	@Test
	void linksTheSameHeadlineFromAnotherSourceToTheFirstStory() {
		accept(version(id, 1, "زلزال بقوة ٦٫١ يضرب تركيا"));
		StoryId other = StoryId.of("reuters", "r-1");

		Decision second = accept(IncomingStory.usable(other, 1, story("زلزال بقوة 6.1 يضرب تركيا", Urgency.ROUTINE)));

		assertThat(second.publication()).isNull();
		assertThat(second.outcome().status()).isEqualTo("linked");
		assertThat(second.outcome().linkedTo()).isEqualTo(id);
	}

	@Test
	void keepsADifferentFigureAsItsOwnStory() {
		accept(version(id, 1, "مقتل ٩٨ شخصا في زلزال تركيا"));

		Decision other = accept(version(freshId(), 1, "مقتل ١٢٠ شخصا في زلزال تركيا"));

		assertThat(other.outcome().status()).isEqualTo("published");
	}

	@Test
	void alertsAnUrgentStoryAndItsKill() {
		Decision urgent = accept(IncomingStory.usable(id, 1, story("Quake", Urgency.BREAKING)));
		Decision kill = accept(IncomingStory.killed(id, 2, story("Quake", Urgency.BREAKING), "canceled"));

		assertThat(urgent.publication().alert().kind()).isEqualTo(Alert.Kind.NEW);
		assertThat(kill.publication().alert().kind()).isEqualTo(Alert.Kind.KILL);
	}

	@Test
	void tellsPushHowUrgentADowngradedStoryWasWhenItWasAlerted() {
		accept(IncomingStory.usable(id, 1, story("Quake", Urgency.URGENT)));
		Decision correction = accept(IncomingStory.corrected(id, 2, story("Quake, revised", Urgency.ROUTINE), "figure"));

		Alert alert = correction.publication().alert();
		assertThat(alert.kind()).isEqualTo(Alert.Kind.CORRECTION);
		assertThat(alert.previousUrgency()).isEqualTo(Urgency.URGENT);
		assertThat(alert.highestUrgency()).isEqualTo(Urgency.URGENT);

		Decision kill = accept(IncomingStory.killed(id, 3, story("Quake, revised", Urgency.ROUTINE), "withdrawn"));
		assertThat(kill.publication().alert().kind()).as("a kill follows the alert though the story is routine now")
			.isEqualTo(Alert.Kind.KILL);
		assertThat(kill.publication().alert().previousUrgency()).isEqualTo(Urgency.URGENT);
	}

	@Test
	void decidesEachVersionOfABatchAgainstTheOnesBeforeIt() {
		StoryLedger.Draft batch = ledger.draft();

		Decision first = intake.decide(version(id, 1, "Quake hits Turkey"), batch);
		Decision again = intake.decide(version(id, 1, "Quake hits Turkey"), batch);
		Decision newer = intake.decide(version(id, 2, "Quake kills 98 in Turkey"), batch);

		assertThat(first.outcome()).isEqualTo(Outcome.of(id, 1, "published"));
		assertThat(again.outcome()).isEqualTo(Outcome.of(id, 1, "duplicate"));
		assertThat(newer.outcome()).isEqualTo(Outcome.of(id, 2, "updated"));
	}

	@Test
	void linksANearDuplicateToAStoryEarlierInTheSameBatch() {
		StoryLedger.Draft batch = ledger.draft();
		StoryId second = freshId();

		intake.decide(version(id, 1, "زلزال يضرب جنوب تركيا"), batch);
		Decision linked = intake.decide(version(second, 1, "زلزالٌ يضرب جنوب تركيا"), batch);

		assertThat(linked.outcome()).isEqualTo(new Outcome(second, 1, "linked", id));
		assertThat(linked.publication()).isNull();
	}

	@Test
	void aBatchLeavesTheLedgerAsItWasUntilItIsPublished() {
		intake.decide(version(id, 1, "Quake hits Turkey"), ledger.draft());

		assertThat(ledger.state(id)).isEmpty();
		assertThat(accept(version(id, 1, "Quake hits Turkey")).outcome().status()).isEqualTo("published");
	}

	@Test
	void aKillEarlierInABatchStopsALaterVersion() {
		accept(version(id, 1, "Quake hits Turkey"));
		StoryLedger.Draft batch = ledger.draft();

		intake.decide(IncomingStory.killed(id, 2, story("Quake hits Turkey", Urgency.ROUTINE), "canceled"), batch);
		Decision late = intake.decide(version(id, 3, "Quake hits Turkey"), batch);

		assertThat(late.outcome()).isEqualTo(Outcome.of(id, 2, "already-killed"));
	}

	@Test
	void aPublishedBatchTeachesTheLedgerWhatItsVersionsOneByOneWould() {
		StoryLedger oneByOne = new StoryLedger(new StorySettings(Duration.ofHours(48)));
		StoryId killed = freshId();
		IncomingStory[] versions = { version(id, 1, "زلزال يضرب جنوب تركيا"), version(killed, 1, "Port closed"),
				IncomingStory.corrected(id, 2, story("زلزال يضرب جنوب تركيا ويقتل 98", Urgency.URGENT), "figure"),
				IncomingStory.killed(killed, 2, story("Port closed", Urgency.ROUTINE), "legal"),
				version(id, 3, "زلزال يقتل 120 في جنوب تركيا") };
		StoryLedger.Draft batch = ledger.draft();

		for (IncomingStory incoming : versions) {
			Decision decision = intake.decide(incoming, batch);
			oneByOne.apply(decision.publication().event(), decision.sourceVersion());
		}
		ledger.apply(batch);

		for (StoryId story : new StoryId[] { id, killed }) {
			assertThat(ledger.state(story)).isEqualTo(oneByOne.state(story));
		}
		assertThat(ledger.recent("afp", 10)).isEqualTo(oneByOne.recent("afp", 10));
		for (IncomingStory incoming : versions) {
			assertThat(ledger.nearDuplicateOf(incoming.nearDuplicateKey(), freshId(), Instant.now()))
				.isEqualTo(oneByOne.nearDuplicateOf(incoming.nearDuplicateKey(), freshId(), Instant.now()));
		}
		assertThat(ledger.nearDuplicateOf(versions[2].nearDuplicateKey(), freshId(), Instant.now())).contains(id);
	}

	private Decision accept(IncomingStory incoming) {
		Decision decision = intake.decide(incoming);
		if (decision.publication() != null) {
			ledger.apply(decision.publication().event(), decision.sourceVersion());
		}
		return decision;
	}
}

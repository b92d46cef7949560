package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.Set;

import org.junit.jupiter.api.Test;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;

class FiltersTests {

	private static final Instant NIGHT_IN_BEIRUT = Instant.parse("2026-11-29T00:30:00Z");

	private final QuietHours nights = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0), ZoneId.of("Asia/Beirut"));

	@Test
	void holdsBackUrgentButNotBreakingAlertsDuringQuietHours() {
		Filters filters = new Filters(Set.of(), Set.of(), Set.of(), Urgency.URGENT, nights);

		assertThat(filters.wants(alert(Urgency.URGENT, "world"), NIGHT_IN_BEIRUT)).isFalse();
		assertThat(filters.wants(alert(Urgency.BREAKING, "world"), NIGHT_IN_BEIRUT)).isTrue();
		assertThat(filters.wants(alert(Urgency.URGENT, "world"), Instant.parse("2026-11-29T10:00:00Z"))).isTrue();
	}

	@Test
	void matchesEditionLanguageCategoryAndUrgency() {
		Filters filters = new Filters(Set.of("ar"), Set.of("ar"), Set.of("world"), Urgency.BREAKING, null);

		assertThat(filters.wants(alert(Urgency.BREAKING, "World"), NIGHT_IN_BEIRUT)).isTrue();
		assertThat(filters.wants(alert(Urgency.BREAKING, "sport"), NIGHT_IN_BEIRUT)).isFalse();
		assertThat(filters.wants(alert(Urgency.URGENT, "world"), NIGHT_IN_BEIRUT)).isFalse();
	}

	@Test
	void sendsACorrectionToWhoeverGotTheAlertEvenWhenTheStoryIsNowLessUrgent() {
		Filters urgentOnly = new Filters(Set.of(), Set.of(), Set.of(), Urgency.URGENT, null);
		Filters breakingOnly = new Filters(Set.of(), Set.of(), Set.of(), Urgency.BREAKING, null);
		Alert downgraded = followUp(Alert.Kind.CORRECTION, Urgency.ROUTINE, Urgency.URGENT);

		assertThat(urgentOnly.wants(downgraded, NIGHT_IN_BEIRUT)).isTrue();
		assertThat(breakingOnly.wants(downgraded, NIGHT_IN_BEIRUT)).as("never had the urgent alert").isFalse();
	}

	@Test
	void letsKillsAndCorrectionsThroughQuietHours() {
		Filters filters = new Filters(Set.of(), Set.of(), Set.of(), Urgency.URGENT, nights);

		assertThat(filters.wants(followUp(Alert.Kind.KILL, Urgency.URGENT, Urgency.URGENT), NIGHT_IN_BEIRUT)).isTrue();
		assertThat(filters.wants(followUp(Alert.Kind.CORRECTION, Urgency.URGENT, Urgency.URGENT), NIGHT_IN_BEIRUT))
			.isTrue();
		assertThat(filters.wants(alert(Urgency.URGENT, "world"), NIGHT_IN_BEIRUT)).as("a new urgent item waits").isFalse();
	}

	@Test
	void keepsAFollowUpToTheSubscribersEditionAndLanguage() {
		Filters english = new Filters(Set.of("en"), Set.of("en"), Set.of(), Urgency.URGENT, null);

		assertThat(english.wants(followUp(Alert.Kind.KILL, Urgency.BREAKING, Urgency.BREAKING), NIGHT_IN_BEIRUT))
			.isFalse();
	}

	private static Alert alert(Urgency urgency, String category) {
		return new Alert(EventMeta.now(), new StoryId("t:1"), 1, Alert.Kind.NEW, story(urgency, category), null);
	}

	private static Alert followUp(Alert.Kind kind, Urgency now, Urgency before) {
		return new Alert(EventMeta.now(), new StoryId("t:1"), 2, kind, story(now, "world"), "note", before);
	}

	private static Story story(Urgency urgency, String category) {
		return new Story("عاجل", Edition.of("ar"), urgency, URI.create("https://example.com/a"), category,
				Instant.now(), null);
	}
}

package news.flashwire.ingest.embargo;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;

import org.junit.jupiter.api.Test;

class EmbargoTests {

	@Test
	void readsAnInstantWithAZoneOrOffset() {
		assertThat(Embargo.parse("2026-11-29T10:00:00Z").until()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
		assertThat(Embargo.parse("2026-11-29T13:00:00+03:00").until()).isEqualTo(Instant.parse("2026-11-29T10:00:00Z"));
	}

	@Test
	void holdsForAnEditorWhatIsEmptyUnreadableOrWithoutZone() {
		for (String text : new String[] { "", "  ", "tomorrow", "2026-11-29T10:00:00", "2026-11-29" }) {
			Embargo embargo = Embargo.parse(text);
			assertThat(embargo.embargoed()).as(text).isTrue();
			assertThat(embargo.until()).as(text).isNull();
			assertThat(embargo.holds(Instant.now().plusSeconds(365L * 24 * 3600))).as(text).isTrue();
		}
	}

	@Test
	void anEmbargoThatIsOverHoldsNothing() {
		assertThat(Embargo.parse("2020-01-01T00:00:00Z").holds(Instant.now())).isFalse();
		assertThat(Embargo.NONE.holds(Instant.now())).isFalse();
		assertThat(Embargo.parse(null)).isEqualTo(Embargo.NONE);
	}
}

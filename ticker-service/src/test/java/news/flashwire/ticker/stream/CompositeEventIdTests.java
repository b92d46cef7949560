package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class CompositeEventIdTests {

	@Test
	void resumesEachEditionFromItsOwnPosition() {
		CompositeEventId ids = new CompositeEventId(List.of("ar", "en"), "ar:12,en:40");

		assertThat(ids.resumeFrom("ar")).isEqualTo(12L);
		assertThat(ids.resumeFrom("en")).isEqualTo(40L);
	}

	@Test
	void startsAnEditionMissingFromTheIdWithASnapshot() {
		CompositeEventId ids = new CompositeEventId(List.of("ar", "en"), "ar:12");

		assertThat(ids.resumeFrom("en")).isNull();
	}

	@Test
	void treatsAGarbledPositionAsUnknown() {
		CompositeEventId ids = new CompositeEventId(List.of("ar"), "ar:<script>");

		assertThat(ids.resumeFrom("ar")).isEqualTo(-1L);
	}

	@Test
	void carriesEveryEditionsPositionInEachId() {
		CompositeEventId ids = new CompositeEventId(List.of("ar", "en"), null);

		assertThat(ids.advance("ar", 5)).isEqualTo("ar:5");
		assertThat(ids.advance("en", 9)).isEqualTo("ar:5,en:9");
		assertThat(ids.advance("ar", 6)).isEqualTo("ar:6,en:9");
	}
}

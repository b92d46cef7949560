package news.flashwire.common.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class EditionAndUrgencyTests {

	@Test
	void arabicEditionsReadRightToLeft() {
		assertThat(Edition.of("ar").direction()).isEqualTo("rtl");
		assertThat(Edition.of("ar-eg").language()).isEqualTo("ar");
		assertThat(Edition.of("en").direction()).isEqualTo("ltr");
	}

	@Test
	void rejectsAnEditionThatIsNotALanguageCode() {
		assertThatThrownBy(() -> new Edition("<script>")).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> new Edition("")).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void mapsIptcUrgencyWithDefaultThresholds() {
		assertThat(Urgency.fromIptc(1)).isEqualTo(Urgency.BREAKING);
		assertThat(Urgency.fromIptc(2)).isEqualTo(Urgency.URGENT);
		assertThat(Urgency.fromIptc(3)).isEqualTo(Urgency.ROUTINE);
		assertThat(Urgency.fromIptc(9)).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void mapsIptcUrgencyWithASourcesOwnThresholds() {
		assertThat(Urgency.fromIptc(3, 2, 4)).isEqualTo(Urgency.URGENT);
	}

	@Test
	void rejectsIptcUrgencyOutsideOneToNine() {
		assertThatThrownBy(() -> Urgency.fromIptc(0)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Urgency.fromIptc(10)).isInstanceOf(IllegalArgumentException.class);
	}

	@Test
	void rejectsABlankStoryId() {
		assertThatThrownBy(() -> new StoryId(" ")).isInstanceOf(IllegalArgumentException.class);
	}
}

package news.flashwire.ticker.headline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HeadlineKeyTests {

	@Test
	void foldsDiacriticsAndTatweel() {
		assertThat(HeadlineKey.of("عَاجِل: انفجـــار في المِيناء")).isEqualTo(HeadlineKey.of("عاجل انفجار في الميناء"));
	}

	@Test
	void foldsAlefYaAndTaMarbutaForms() {
		assertThat(HeadlineKey.of("إغلاق أسواق آسيا في مدينة على الساحل"))
			.isEqualTo(HeadlineKey.of("اغلاق اسواق اسيا في مدينه علي الساحل"));
	}

	@Test
	void readsArabicIndicDigitsAsDigits() {
		assertThat(HeadlineKey.of("مقتل ٩٨ شخصا")).isEqualTo(HeadlineKey.of("مقتل 98 شخصا"));
		assertThat(HeadlineKey.of("مقتل ۹۸ شخصا")).isEqualTo(HeadlineKey.of("مقتل 98 شخصا"));
	}

	@Test
	void ignoresCasePunctuationAndWhiteSpace() {
		assertThat(HeadlineKey.of("  Earthquake hits   southern Turkey!")).isEqualTo(HeadlineKey.of("earthquake hits southern turkey"));
		assertThat(HeadlineKey.of("Quake: \"98 dead\" — officials")).isEqualTo(HeadlineKey.of("quake 98 dead officials"));
	}

	@Test
	void keepsDifferentNumbersApart() {
		assertThat(HeadlineKey.of("98 dead in quake")).isNotEqualTo(HeadlineKey.of("120 dead in quake"));
		assertThat(HeadlineKey.of("مقتل ٩٨ شخصا")).isNotEqualTo(HeadlineKey.of("مقتل 120 شخصا"));
	}
}

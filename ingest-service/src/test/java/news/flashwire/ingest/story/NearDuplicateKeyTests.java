package news.flashwire.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import news.flashwire.common.story.Edition;

class NearDuplicateKeyTests {

	private static final Edition AR = Edition.of("ar");

	@Test
	void foldsHarakatTatweelAndLetterForms() {
		assertThat(key("إِنْفِجَارٌ فِي مَدِينَةِ الـقـاهرة")).isEqualTo(key("انفجار في مدينه القاهره"));
		assertThat(key("أمطار غزيرة على آسيا")).isEqualTo(key("امطار غزيره علي اسيا"));
		assertThat(key("ٱلرئيس يلتقي وزير الدفاع")).isEqualTo(key("الرئيس يلتقي وزير الدفاع"));
	}

	@Test
	void foldsArabicIndicAndEasternDigits() {
		assertThat(key("مقتل ٩٨ شخصا")).isEqualTo(key("مقتل 98 شخصا")).isEqualTo(key("مقتل ۹۸ شخصا"));
	}

	@Test
	void keepsADifferentFigureDistinct() {
		assertThat(key("مقتل ٩٨ شخصا في زلزال")).isNotEqualTo(key("مقتل ١٢٠ شخصا في زلزال"));
		assertThat(key("Quake: 98 dead")).isNotEqualTo(key("Quake: 120 dead"));
	}

	@Test
	void ignoresCasePunctuationAndSpacing() {
		assertThat(key("Quake kills 98 in  Turkey.")).isEqualTo(key("quake KILLS 98 in Turkey"));
		assertThat(key("زلزال، يضرب تركيا!")).isEqualTo(key("زلزال يضرب تركيا"));
	}

	@Test
	void keepsEditionsApart() {
		assertThat(NearDuplicateKey.of(Edition.of("en"), "Goal")).isNotEqualTo(NearDuplicateKey.of(Edition.of("fr"), "Goal"));
	}

	@Test
	void foldsAsciiInOnePassExactlyAsTheFullFoldingDoes() {
		for (String headline : List.of("Quake kills 98 in Turkey", "  BREAKING -- Quake: 98 dead!  ", "a\tb\nc",
				"U.S. & EU agree", "---", "", "x_y-z", "Ünchanged? no: ASCII only", "Mixed CASE 42nd")) {
			if (headline.chars().allMatch(c -> c < 0x80)) {
				assertThat(NearDuplicateKey.asciiWords(headline)).as(headline).isEqualTo(NearDuplicateKey.words(headline));
			}
		}
		assertThat(NearDuplicateKey.of(Edition.of("en"), " Quake  KILLS 98! ")).isEqualTo("en|quake kills 98");
	}

	private static String key(String headline) {
		return NearDuplicateKey.of(AR, headline);
	}
}

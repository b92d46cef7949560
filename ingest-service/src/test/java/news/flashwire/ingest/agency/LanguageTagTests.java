package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import news.flashwire.ingest.story.UnreadableStory;

class LanguageTagTests {

	@ParameterizedTest
	@CsvSource({ "en-GB, en", "ar_EG, ar", "fr, fr", "EN-gb, en", "zh-Hant-TW, zh", "ckb, ckb", "en-, en" })
	void takesThePrimarySubtagAsTheEdition(String tag, String edition) {
		assertThat(LanguageTag.edition(tag).code()).isEqualTo(edition);
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "-", "_", "-en", "e", "english", "en GB", "1a-b", "ع-ar" })
	void refusesATagWithoutALanguageCodeFirst(String tag) {
		assertThatThrownBy(() -> LanguageTag.edition(tag)).isInstanceOf(UnreadableStory.class)
			.hasMessageContaining("detail='language: ");
	}
}

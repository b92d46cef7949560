package news.flashwire.ingest.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.Test;

class HeadlineTextTests {

	@Test
	void turnsAnArabicBreakingPrefixIntoTheFlag() {
		assertThat(HeadlineText.read("عاجل | زلزال يضرب تركيا")).isEqualTo(new Headline("زلزال يضرب تركيا", true));
		assertThat(HeadlineText.read("عاجل: زلزال يضرب تركيا")).isEqualTo(new Headline("زلزال يضرب تركيا", true));
	}

	@Test
	void turnsAnEnglishBreakingPrefixIntoTheFlag() {
		assertThat(HeadlineText.read("BREAKING: Quake hits Turkey")).isEqualTo(new Headline("Quake hits Turkey", true));
	}

	@Test
	void takesEveryPrefixInAnyAsciiCaseAndLeavesOtherFirstLettersUnflagged() {
		for (String prefix : List.of("breaking:", "Breaking News -", "URGENT |", "urgent：", "bReAkInG —", "عاجل –",
				"BREAKING—", "Breaking-", "urgent -")) {
			assertThat(HeadlineText.read(prefix + " Quake hits Turkey")).as(prefix)
				.isEqualTo(new Headline("Quake hits Turkey", true));
		}
		for (String text : List.of("Quake: breaking news", "«عاجل: زلزال»", "1 URGENT: quake", "Ürgent: quake")) {
			assertThat(HeadlineText.read(text)).as(text).isEqualTo(new Headline(text, false));
		}
	}

	@Test
	void leavesAHyphenatedWordThatStartsLikeAPrefixAsItIs() {
		for (String text : List.of("Urgent-care clinics close across the state", "Breaking-ball pitcher signs")) {
			assertThat(HeadlineText.read(text)).as(text).isEqualTo(new Headline(text, false));
		}
	}

	@Test
	void leavesAHeadlineWithoutPrefixUnflagged() {
		assertThat(HeadlineText.read("Breaking the record")).isEqualTo(new Headline("Breaking the record", false));
	}

	@Test
	void stripsHtmlAndDecodesEntities() {
		assertThat(HeadlineText.normalize("<b>Quake</b> &amp; <script>alert(1)</script>tsunami")).isEqualTo("Quake & tsunami");
	}

	@Test
	void normalizesToNfcAndDropsBidiControlsAndCollapsesWhitespace() {
		assertThat(HeadlineText.normalize("Cafe\u0301 \u202Eopen\u2066 \n\t now\u200F")).isEqualTo("Café open now");
	}

	@Test
	void refusesAHeadlineThatIsOnlyAPrefixOrTooLong() {
		assertThatThrownBy(() -> HeadlineText.read("عاجل |")).isInstanceOf(UnreadableStory.class);
		assertThatThrownBy(() -> HeadlineText.normalize("x".repeat(301))).isInstanceOf(UnreadableStory.class);
	}

	@Test
	void takesTheShortWayOnlyForPlainAsciiWithSingleSpaces() {
		assertThat(HeadlineText.alreadyPlain("Parliament approves the 2027 budget, 312-290")).isTrue();
		assertThat(List.of("", " Lead", "Trail ", "Two  spaces", "Tab\there", "Line\nbreak", "<b>Bold</b>", "Q&amp;A",
				"Caf\u00e9", "Bell\u0007", "Del\u007f", "Rtl\u202eon"))
			.noneMatch(HeadlineText::alreadyPlain);
		assertThat(HeadlineText.read("BREAKING: Plain ascii wins")).isEqualTo(new Headline("Plain ascii wins", true));
		assertThat(HeadlineText.normalize("  Two  spaces\u0007 ")).isEqualTo("Two spaces");
	}
}

package news.flashwire.common.alert;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;

class AlertDeliveryIdTests {

	@Test
	void keepsAsciiLettersDigitsUnderscoresAndDashesAndReplacesEachOtherCharacter() {
		assertThat(alert("afp:urn:newsml:afp.com:20261129:ABC-123_x", 3).deliveryId())
			.isEqualTo("msg_afp_urn_newsml_afp_com_20261129_ABC-123_x_r3");
		assertThat(alert("newsroom:عاجل 1", 1).deliveryId()).isEqualTo("msg_newsroom______1_r1");
	}

	@Test
	void replacesACharacterOutsideTheBasicPlaneWithOneUnderscore() {
		assertThat(alert("x:a\uD83D\uDCF0b", 12).deliveryId()).isEqualTo("msg_x_a_b_r12");
	}

	@Test
	void namesEveryStoryAsTheRegularExpressionItReplacesDid() {
		java.util.SplittableRandom random = new java.util.SplittableRandom(20261129);
		int[] alphabet = { 'a', 'Z', '7', '_', '-', ':', '.', ' ', '/', 'ع', '\u0640', 0x1F4F0, 0x20000 };
		for (int i = 0; i < 5_000; i++) {
			StringBuilder id = new StringBuilder("p:");
			for (int n = random.nextInt(1, 30); n > 0; n--) {
				id.appendCodePoint(alphabet[random.nextInt(alphabet.length)]);
			}
			String value = id.toString();
			assertThat(alert(value, 2).deliveryId())
				.isEqualTo("msg_" + value.replaceAll("[^A-Za-z0-9_-]", "_") + "_r2");
		}
	}

	private static Alert alert(String storyId, long revision) {
		Story story = new Story("Quake", Edition.of("ar"), Urgency.BREAKING, null, null,
				java.time.Instant.parse("2026-11-29T10:00:00Z"), null);
		return new Alert(EventMeta.now(), new StoryId(storyId), revision, Alert.Kind.NEW, story, null);
	}
}

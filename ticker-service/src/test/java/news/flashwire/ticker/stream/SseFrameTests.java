package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

class SseFrameTests {

	@Test
	void writesIdEventAndDataEndedByABlankLine() {
		assertThat(text(SseFrame.event("42", "added", "{\"storyId\":\"s-1\"}")))
			.isEqualTo("id:42\nevent:added\ndata:{\"storyId\":\"s-1\"}\n\n");
	}

	@Test
	void leavesTheIdOutWhenThereIsNone() {
		assertThat(text(SseFrame.event(null, "snapshot", "{}"))).isEqualTo("event:snapshot\ndata:{}\n\n");
	}

	@Test
	void writesOneDataLinePerPayloadLineWhateverTheLineEnd() {
		assertThat(text(SseFrame.event("7", "added", "one\ntwo\r\nthree\rfour")))
			.isEqualTo("id:7\nevent:added\ndata:one\ndata:two\ndata:three\ndata:four\n\n");
	}

	@Test
	void keepsEmptyLinesOfThePayload() {
		assertThat(text(SseFrame.event("7", "added", "\nmiddle\n"))).isEqualTo("id:7\nevent:added\ndata:\ndata:middle\ndata:\n\n");
		assertThat(text(SseFrame.event("7", "added", ""))).isEqualTo("id:7\nevent:added\ndata:\n\n");
	}

	@Test
	void keepsALeadingSpaceThatReadersWouldStrip() {
		assertThat(text(SseFrame.event("7", "added", " indented\nplain"))).contains("data:  indented\ndata:plain\n");
	}

	@Test
	void keepsFieldLikeTextAsData() {
		assertThat(text(SseFrame.event("7", "added", "id: 99\nevent: removed\n: not a comment")))
			.isEqualTo("id:7\nevent:added\ndata:id: 99\ndata:event: removed\ndata:: not a comment\n\n");
	}

	@Test
	void encodesArabicAndEmojiAsUtf8() {
		byte[] frame = SseFrame.event("ar:12,en:40", "added", "عاجل: زلزال يضرب جنوب تركيا 🌍");

		assertThat(frame).isEqualTo(
				"id:ar:12,en:40\nevent:added\ndata:عاجل: زلزال يضرب جنوب تركيا 🌍\n\n".getBytes(StandardCharsets.UTF_8));
	}

	@Test
	void refusesAnIdOrNameThatWouldBreakTheFrame() {
		assertThatIllegalArgumentException().isThrownBy(() -> SseFrame.event("1\nevent:x", "added", "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> SseFrame.event("1\r", "added", "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> SseFrame.event("1\0", "added", "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> SseFrame.event("1", "added\ndata:x", "{}"));
		assertThatIllegalArgumentException().isThrownBy(() -> SseFrame.comment("beat\ndata:x"));
	}

	@Test
	void writesCommentsAndTheRetryHint() {
		assertThat(text(SseFrame.comment("heartbeat"))).isEqualTo(":heartbeat\n\n");
		assertThat(text(SseFrame.retry(4711, "flashwire ticker"))).isEqualTo("retry:4711\n:flashwire ticker\n\n");
	}

	private static String text(byte[] frame) {
		return new String(frame, StandardCharsets.UTF_8);
	}
}

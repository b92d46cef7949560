package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;

import news.flashwire.ingest.story.UnreadableStory;

/** The UTF-8 check of a request body, on bodies longer than its buffer, with characters across the buffer's edges. */
class AgencyDocumentsUtf8Tests {

	private static final String HEADLINE = "زلزال 😀 يضرب جنوب تركيا - Quake hits southern Turkey ";

	@Test
	void readsLongBodiesWhoseCharactersCrossTheEdgesOfItsBuffer() {
		for (int padding = 0; padding < 8; padding++) {
			byte[] body = array(" ".repeat(padding) + HEADLINE.repeat(300));

			assertThat(AgencyDocuments.ofJsonArray(body, 500, 1 << 20)).hasSize(1);
		}
	}

	@Test
	void refusesInvalidUtf8AnywhereInALongBody() {
		byte[][] invalid = { { (byte) 0xC3, (byte) 0x28 }, { (byte) 0xC0, (byte) 0x80 },
				{ (byte) 0xED, (byte) 0xA0, (byte) 0x80 }, { (byte) 0xF4, (byte) 0x90, (byte) 0x80, (byte) 0x80 },
				{ (byte) 0xFF } };
		for (byte[] bad : invalid) {
			byte[] body = array(HEADLINE.repeat(200) + "\u0000" + HEADLINE.repeat(200));
			int at = indexOf(body, (byte) 0);
			byte[] broken = splice(body, at, bad);

			assertThatThrownBy(() -> AgencyDocuments.ofJsonArray(broken, 500, 1 << 20))
				.isInstanceOf(UnreadableStory.class)
				.hasMessageContaining("the body is not valid UTF-8");
		}
	}

	@Test
	void refusesABodyThatEndsInTheMiddleOfACharacter() {
		byte[] body = (HEADLINE.repeat(200) + "😀").getBytes(StandardCharsets.UTF_8);
		byte[] cut = java.util.Arrays.copyOf(body, body.length - 1);

		assertThatThrownBy(() -> AgencyDocuments.ofNdjson(cut, 500, 1 << 20)).isInstanceOf(UnreadableStory.class)
			.hasMessageContaining("the body is not valid UTF-8");
	}

	private static byte[] array(String headline) {
		return ("[{\"uri\":\"urn:utf8\",\"headline\":\"" + headline.replace("\u0000", "\\u0000") + "\"}]")
			.replace("\\u0000", "\u0000")
			.getBytes(StandardCharsets.UTF_8);
	}

	private static int indexOf(byte[] body, byte value) {
		for (int i = 0; i < body.length; i++) {
			if (body[i] == value) {
				return i;
			}
		}
		throw new IllegalArgumentException("not found");
	}

	private static byte[] splice(byte[] body, int at, byte[] replacement) {
		ByteArrayOutputStream out = new ByteArrayOutputStream();
		out.write(body, 0, at);
		out.writeBytes(replacement);
		out.write(body, at + 1, body.length - at - 1);
		return out.toByteArray();
	}
}

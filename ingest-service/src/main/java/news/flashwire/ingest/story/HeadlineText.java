package news.flashwire.ingest.story;

import java.text.Normalizer;
import java.util.regex.Pattern;

/** Display text of a headline: NFC, no bidi controls or other control characters, whitespace collapsed. */
public final class HeadlineText {

	public static final int MAX_LENGTH = 300;

	// Embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can reorder the text around a headline.
	private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u202A-\\u202E\\u2066-\\u2069]");

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}&&[^\\s]]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	private HeadlineText() {
	}

	public static String normalize(String raw) {
		String text = Normalizer.normalize(raw, Normalizer.Form.NFC);
		text = BIDI_CONTROLS.matcher(text).replaceAll("");
		text = CONTROLS.matcher(text).replaceAll("");
		text = WHITESPACE.matcher(text).replaceAll(" ").strip();
		if (text.isEmpty()) {
			throw new UnreadableStory("headline is empty");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new UnreadableStory("headline is longer than " + MAX_LENGTH + " characters");
		}
		return text;
	}
}

package news.flashwire.ticker.headline;

import java.text.Normalizer;
import java.util.Locale;

/**
 * The form of a headline two lines are compared by, so the ticker never shows the same headline twice: Arabic
 * diacritics and tatweel dropped, alef, ya, ta marbuta and hamza seats folded, every digit made ASCII, case folded,
 * punctuation and runs of white space made one space. Numbers stay: "98 dead" and "120 dead" differ.
 */
final class HeadlineKey {

	private HeadlineKey() {
	}

	static String of(String headline) {
		String text = Normalizer.normalize(headline, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
		StringBuilder key = new StringBuilder(text.length());
		boolean space = false;
		for (int i = 0; i < text.length();) {
			int c = text.codePointAt(i);
			i += Character.charCount(c);
			if (isIgnored(c)) {
				continue;
			}
			if (Character.isLetterOrDigit(c)) {
				if (space && key.length() > 0) {
					key.append(' ');
				}
				space = false;
				key.appendCodePoint(fold(c));
			}
			else {
				space = true;
			}
		}
		return key.toString();
	}

	// Harakat, superscript alef, Quranic marks and tatweel change how a word is written, not which word it is.
	private static boolean isIgnored(int c) {
		return (c >= 0x064B && c <= 0x065F) || c == 0x0670 || (c >= 0x06D6 && c <= 0x06ED) || c == 0x0640
				|| Character.getType(c) == Character.NON_SPACING_MARK || c == 0x200C || c == 0x200D
				|| c == 0x200E || c == 0x200F;
	}

	private static int fold(int c) {
		if (Character.isDigit(c)) {
			return '0' + Character.digit(c, 10);
		}
		switch (c) {
			case 0x0622, 0x0623, 0x0625, 0x0671, 0x0672, 0x0673:
				return 0x0627; // آ أ إ ٱ → ا
			case 0x0649, 0x06CC, 0x0626:
				return 0x064A; // ى ی ئ → ي
			case 0x0629:
				return 0x0647; // ة → ه
			case 0x0624:
				return 0x0648; // ؤ → و
			case 0x06A9:
				return 0x0643; // ک → ك
			default:
				return c;
		}
	}
}

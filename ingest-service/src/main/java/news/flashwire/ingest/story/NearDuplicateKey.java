package news.flashwire.ingest.story;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

import news.flashwire.common.story.Edition;

/**
 * What two headlines share when they say the same thing: Arabic diacritics (harakat), tatweel, alef, ya and ta
 * marbuta forms and Arabic-Indic digits folded, case folded, punctuation and spacing ignored. Figures stay: "98 dead"
 * and "120 dead" keep different keys.
 */
public final class NearDuplicateKey {

	// Harakat, Quranic marks and superscript alef; the combining marks left after NFD of Latin letters.
	private static final Pattern MARKS = Pattern.compile("[\\u064B-\\u065F\\u0670\\u06D6-\\u06ED\\p{Mn}]");

	private static final int TATWEEL = 'ـ';

	private static final Pattern NOT_WORD = Pattern.compile("[^\\p{L}\\p{N}]+");

	private NearDuplicateKey() {
	}

	public static String of(Edition edition, String headline) {
		return edition.code() + "|" + (isAscii(headline) ? asciiWords(headline) : words(headline));
	}

	static String words(String headline) {
		String text = Normalizer.normalize(headline, Normalizer.Form.NFKD);
		text = MARKS.matcher(text).replaceAll("");
		StringBuilder folded = new StringBuilder(text.length());
		text.codePoints().filter(c -> c != TATWEEL).forEach(c -> folded.appendCodePoint(fold(c)));
		return NOT_WORD.matcher(folded.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
	}

	// What words() makes of ASCII, which NFKD, the marks and the Arabic folds leave as it is, in one pass.
	static String asciiWords(String headline) {
		StringBuilder words = new StringBuilder(headline.length());
		boolean gap = false;
		for (int i = 0; i < headline.length(); i++) {
			char c = headline.charAt(i);
			boolean word = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
			if (!word) {
				gap = true;
				continue;
			}
			if (gap && words.length() > 0) {
				words.append(' ');
			}
			gap = false;
			words.append(c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c);
		}
		return words.toString();
	}

	private static boolean isAscii(String text) {
		for (int i = 0; i < text.length(); i++) {
			if (text.charAt(i) >= 0x80) {
				return false;
			}
		}
		return true;
	}

	private static int fold(int c) {
		if (c >= 0x0660 && c <= 0x0669) {
			return '0' + (c - 0x0660);
		}
		if (c >= 0x06F0 && c <= 0x06F9) {
			return '0' + (c - 0x06F0);
		}
		switch (c) {
			case 'أ', 'إ', 'آ', 'ٱ':
				return 'ا';
			case 'ى':
				return 'ي';
			case 'ة':
				return 'ه';
			default:
				return c;
		}
	}
}

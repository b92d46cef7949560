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
		String text = Normalizer.normalize(headline, Normalizer.Form.NFKD);
		text = MARKS.matcher(text).replaceAll("");
		StringBuilder folded = new StringBuilder(text.length());
		text.codePoints().filter(c -> c != TATWEEL).forEach(c -> folded.appendCodePoint(fold(c)));
		String words = NOT_WORD.matcher(folded.toString().toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
		return edition.code() + "|" + words;
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

package news.flashwire.ingest.story;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jsoup.Jsoup;

/**
 * Display text of a headline: HTML stripped, NFC, no bidi controls or other control characters, whitespace collapsed,
 * and a breaking-news prefix ("عاجل |", "عاجل:", "BREAKING:") turned into a flag instead of text.
 */
public final class HeadlineText {

	public static final int MAX_LENGTH = 300;

	/** The longest correction note or kill reason, in characters. */
	public static final int MAX_NOTE_LENGTH = 1000;

	// Marks (U+200E/F, U+061C), embeddings, overrides and isolates (U+202A-U+202E, U+2066-U+2069) can reorder the
	// text around a headline on the page that shows it.
	private static final Pattern BIDI_CONTROLS = Pattern.compile("[\\u200E\\u200F\\u061C\\u202A-\\u202E\\u2066-\\u2069]");

	private static final Pattern CONTROLS = Pattern.compile("[\\p{Cc}\\p{Cs}\\uFEFF&&[^\\s]]");

	private static final Pattern WHITESPACE = Pattern.compile("\\s+");

	// The words that make a headline breaking when it opens with one of them and a separator (ASCII case ignored).
	private static final List<String> PREFIXES = List.of("عاجل", "breaking news", "breaking", "urgent");

	// The separator: a bar, a colon or a dash; a hyphen only with a space beside it, since "Urgent-care clinics" and
	// "Breaking-ball pitcher" are words, not prefixes.
	private static final Pattern BREAKING_PREFIX = Pattern.compile(PREFIXES.stream()
		.map(Pattern::quote)
		.collect(Collectors.joining("|", "^(?:", ")(?:\\s*[|:：–—]|\\s+-|-(?=\\s))\\s*(.*)$")), Pattern.CASE_INSENSITIVE);

	// The prefixes' first letters in both cases: most headlines start with none of them and skip the pattern.
	private static final String FIRST_LETTERS = PREFIXES.stream()
		.map(prefix -> prefix.substring(0, 1))
		.map(letter -> letter.toLowerCase(Locale.ROOT) + letter.toUpperCase(Locale.ROOT))
		.collect(Collectors.joining());

	private HeadlineText() {
	}

	public static Headline read(String raw) {
		String text = plain(raw);
		if (!mayStartWithPrefix(text)) {
			return new Headline(checked(text), false);
		}
		Matcher prefix = BREAKING_PREFIX.matcher(text);
		boolean flagged = prefix.matches();
		if (flagged) {
			text = prefix.group(1).strip();
		}
		return new Headline(checked(text), flagged);
	}

	private static boolean mayStartWithPrefix(String text) {
		return !text.isEmpty() && FIRST_LETTERS.indexOf(text.charAt(0)) >= 0;
	}

	/** The display text alone, any prefix kept as text. */
	public static String normalize(String raw) {
		return checked(plain(raw));
	}

	/**
	 * A correction note or a kill reason ({@code what}), cleaned as a headline is (it reaches the public events too)
	 * with a limit of its own.
	 */
	public static String note(String raw, String what) {
		String text = plain(raw);
		if (text.isEmpty()) {
			throw new UnreadableStory(what + " is empty");
		}
		if (text.codePointCount(0, text.length()) > MAX_NOTE_LENGTH) {
			throw new UnreadableStory(what + " is longer than " + MAX_NOTE_LENGTH + " characters");
		}
		return text;
	}

	private static String plain(String raw) {
		if (alreadyPlain(raw)) {
			return raw;
		}
		String text = raw.indexOf('<') >= 0 || raw.indexOf('&') >= 0 ? Jsoup.parseBodyFragment(raw).text() : raw;
		text = Normalizer.normalize(text, Normalizer.Form.NFC);
		text = BIDI_CONTROLS.matcher(text).replaceAll("");
		text = CONTROLS.matcher(text).replaceAll("");
		return WHITESPACE.matcher(text).replaceAll(" ").strip();
	}

	// Printable ASCII with single inner spaces and no markup: every step of plain() would leave it as it is.
	static boolean alreadyPlain(String raw) {
		if (raw.isEmpty() || raw.charAt(0) == ' ' || raw.charAt(raw.length() - 1) == ' ') {
			return false;
		}
		char previous = 0;
		for (int i = 0; i < raw.length(); i++) {
			char c = raw.charAt(i);
			if (c == ' ' ? previous == ' ' : c < 0x21 || c > 0x7E || c == '<' || c == '&') {
				return false;
			}
			previous = c;
		}
		return true;
	}

	private static String checked(String text) {
		if (text.isEmpty()) {
			throw new UnreadableStory("headline is empty");
		}
		if (text.codePointCount(0, text.length()) > MAX_LENGTH) {
			throw new UnreadableStory("headline is longer than " + MAX_LENGTH + " characters");
		}
		return text;
	}
}

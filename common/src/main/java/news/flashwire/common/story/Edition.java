package news.flashwire.common.story;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** An edition of the site, named by its language code ("ar", "en"); each edition has its own ticker. */
public record Edition(@JsonValue String code) {

	private static final Pattern CODE = Pattern.compile("[a-z]{2,3}(-[a-z0-9]{2,8})?");

	private static final Set<String> RIGHT_TO_LEFT = Set.of("ar", "fa", "he", "ur", "ps", "ckb", "yi", "dv");

	@JsonCreator
	public Edition {
		if (code == null || !CODE.matcher(code).matches()) {
			throw new IllegalArgumentException("edition must be a lower-case language code such as 'ar' or 'en'");
		}
	}

	public static Edition of(String code) {
		return new Edition(code.toLowerCase(Locale.ROOT));
	}

	/** The base language of the edition, e.g. "ar" for "ar-eg". */
	public String language() {
		int dash = code.indexOf('-');
		return dash < 0 ? code : code.substring(0, dash);
	}

	/** "rtl" or "ltr", as HTML's dir attribute wants it. */
	public String direction() {
		return RIGHT_TO_LEFT.contains(language()) ? "rtl" : "ltr";
	}

	@Override
	public String toString() {
		return code;
	}
}

package news.flashwire.common.event;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.deser.std.StdDeserializer;
import tools.jackson.databind.ext.javatime.deser.InstantDeserializer;

/**
 * Reads an {@link Instant} written as {@link IsoInstantSerializer} writes it, {@code 2026-11-29T10:15:00Z} with no
 * fraction or one of 1-9 digits, with plain arithmetic on the parser's characters instead of the formatter's general machinery:
 * the delivery outcomes carry one instant per subscriber, and parsing them was most of reading an outcome. Anything
 * else (offsets, numbers, leap seconds, invalid dates, other years) goes to Jackson's own deserializer, which accepts
 * or rejects it as before.
 */
final class IsoInstantDeserializer extends StdDeserializer<Instant> {

	private static final int SECONDS_PER_DAY = 86_400;

	IsoInstantDeserializer() {
		super(Instant.class);
	}

	@Override
	public Instant deserialize(JsonParser parser, DeserializationContext context) {
		if (parser.hasToken(JsonToken.VALUE_STRING)) {
			Instant parsed = parse(parser.getStringCharacters(), parser.getStringOffset(), parser.getStringLength());
			if (parsed != null) {
				return parsed;
			}
		}
		return InstantDeserializer.INSTANT.deserialize(parser, context);
	}

	/** The instant {@code text[offset, offset + length)} names, or null when it is not in the plain UTC form. */
	static @Nullable Instant parse(char[] text, int offset, int length) {
		if (length < 20 || length > 30 || text[offset + length - 1] != 'Z' || text[offset + 4] != '-'
				|| text[offset + 7] != '-' || text[offset + 10] != 'T' || text[offset + 13] != ':'
				|| text[offset + 16] != ':') {
			return null;
		}
		int year = number(text, offset, 4);
		int month = number(text, offset + 5, 2);
		int day = number(text, offset + 8, 2);
		int hour = number(text, offset + 11, 2);
		int minute = number(text, offset + 14, 2);
		int second = number(text, offset + 17, 2);
		if (year < 0 || month < 1 || month > 12 || day < 1 || day > daysIn(year, month) || hour < 0 || hour > 23
				|| minute < 0 || minute > 59 || second < 0 || second > 59) {
			return null;
		}
		int nano = 0;
		int fractionDigits = length - 20;
		if (fractionDigits > 0) {
			// ".", then 1 to 9 digits
			if (text[offset + 19] != '.' || fractionDigits == 1) {
				return null;
			}
			int fraction = number(text, offset + 20, fractionDigits - 1);
			if (fraction < 0) {
				return null;
			}
			nano = fraction;
			for (int places = fractionDigits - 1; places < 9; places++) {
				nano *= 10;
			}
		}
		else if (text[offset + 19] != 'Z') {
			return null;
		}
		long seconds = epochDay(year, month, day) * SECONDS_PER_DAY + hour * 3600L + minute * 60L + second;
		return Instant.ofEpochSecond(seconds, nano);
	}

	/** The decimal number of {@code digits} characters at {@code at}, or -1 if one of them is not a digit. */
	private static int number(char[] text, int at, int digits) {
		int value = 0;
		for (int i = at; i < at + digits; i++) {
			int digit = text[i] - '0';
			if (digit < 0 || digit > 9) {
				return -1;
			}
			value = value * 10 + digit;
		}
		return value;
	}

	private static int daysIn(int year, int month) {
		return switch (month) {
			case 2 -> (year % 4 == 0 && (year % 100 != 0 || year % 400 == 0)) ? 29 : 28;
			case 4, 6, 9, 11 -> 30;
			default -> 31;
		};
	}

	/** Days since 1970-01-01 of a civil date (H. Hinnant's algorithm, eras of 400 years starting on March 1st). */
	private static long epochDay(int year, int month, int day) {
		int y = month <= 2 ? year - 1 : year;
		int era = Math.floorDiv(y, 400);
		int yearOfEra = y - era * 400;
		int monthFromMarch = month > 2 ? month - 3 : month + 9;
		int dayOfYear = (153 * monthFromMarch + 2) / 5 + day - 1;
		int dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear;
		return era * 146_097L + dayOfEra - 719_468;
	}
}

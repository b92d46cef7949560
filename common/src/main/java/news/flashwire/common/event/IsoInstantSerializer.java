package news.flashwire.common.event;

import java.time.Instant;
import java.time.format.DateTimeFormatter;

import tools.jackson.core.JsonGenerator;
import tools.jackson.databind.SerializationContext;
import tools.jackson.databind.ser.std.StdSerializer;

/**
 * Writes an {@link Instant} exactly as {@link DateTimeFormatter#ISO_INSTANT} (and so Jackson's own serializer) does,
 * e.g. {@code 2026-11-29T10:15:00Z} or {@code 2026-11-29T10:15:00.123456Z}, with plain arithmetic instead of the
 * formatter's general machinery: every story event carries two or three instants, and formatting them was a visible
 * part of writing an event. Years outside 0000-9999 go through the formatter.
 */
final class IsoInstantSerializer extends StdSerializer<Instant> {

	private static final long FIRST = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();

	private static final long LAST = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();

	private static final int SECONDS_PER_DAY = 86_400;

	IsoInstantSerializer() {
		super(Instant.class);
	}

	@Override
	public void serialize(Instant value, JsonGenerator generator, SerializationContext context) {
		long seconds = value.getEpochSecond();
		if (seconds < FIRST || seconds > LAST) {
			generator.writeString(DateTimeFormatter.ISO_INSTANT.format(value));
			return;
		}
		char[] text = new char[30];
		generator.writeString(text, 0, format(seconds, value.getNano(), text));
	}

	/** Writes the instant into {@code text} (at least 30 long) and returns the number of characters written. */
	static int format(long epochSecond, int nano, char[] text) {
		long days = Math.floorDiv(epochSecond, SECONDS_PER_DAY);
		int secondOfDay = (int) Math.floorMod(epochSecond, SECONDS_PER_DAY);
		// Days to a civil date (H. Hinnant's algorithm, eras of 400 years starting on March 1st).
		long shifted = days + 719_468;
		long era = Math.floorDiv(shifted, 146_097);
		int dayOfEra = (int) (shifted - era * 146_097);
		int yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
		int dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
		int monthFromMarch = (5 * dayOfYear + 2) / 153;
		int day = dayOfYear - (153 * monthFromMarch + 2) / 5 + 1;
		int month = monthFromMarch < 10 ? monthFromMarch + 3 : monthFromMarch - 9;
		int year = (int) (yearOfEra + era * 400 + (month <= 2 ? 1 : 0));
		digits(year / 100, text, 0);
		digits(year % 100, text, 2);
		text[4] = '-';
		digits(month, text, 5);
		text[7] = '-';
		digits(day, text, 8);
		text[10] = 'T';
		digits(secondOfDay / 3600, text, 11);
		text[13] = ':';
		digits(secondOfDay / 60 % 60, text, 14);
		text[16] = ':';
		digits(secondOfDay % 60, text, 17);
		int length = 19;
		if (nano > 0) {
			text[length++] = '.';
			int fraction = nano;
			int places = 9;
			// As ISO_INSTANT: milliseconds, microseconds or nanoseconds, whichever shows every non-zero digit.
			if (nano % 1_000_000 == 0) {
				fraction = nano / 1_000_000;
				places = 3;
			}
			else if (nano % 1_000 == 0) {
				fraction = nano / 1_000;
				places = 6;
			}
			for (int i = length + places - 1; i >= length; i--) {
				text[i] = (char) ('0' + fraction % 10);
				fraction /= 10;
			}
			length += places;
		}
		text[length++] = 'Z';
		return length;
	}

	private static void digits(int twoDigits, char[] text, int at) {
		text[at] = (char) ('0' + twoDigits / 10);
		text[at + 1] = (char) ('0' + twoDigits % 10);
	}
}

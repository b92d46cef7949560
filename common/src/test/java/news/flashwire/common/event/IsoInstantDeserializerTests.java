package news.flashwire.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

class IsoInstantDeserializerTests {

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	record Stamped(Instant at) {
	}

	@Test
	void readsAnyInstantOfTheFourDigitYearsAsJacksonDoesWithEveryLengthOfFraction() {
		SplittableRandom random = new SplittableRandom(20261129);
		long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 20_000; i++) {
			Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), random.nextInt(1_000_000_000));
			String seconds = DateTimeFormatter.ISO_INSTANT.format(instant.minusNanos(instant.getNano()));
			String nanos = String.format("%09d", instant.getNano());
			// From no fraction at all to all nine digits: writers other than ours cut it anywhere.
			int digits = i % 10;
			String cut = seconds.substring(0, 19) + (digits == 0 ? "" : "." + nanos.substring(0, digits)) + "Z";
			assertReadsAsJackson(cut);
		}
	}

	@Test
	void readsTheEdgesOfMonthsYearsAndLeapDaysAsJacksonDoes() {
		for (String text : new String[] { "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z", "2024-02-29T23:59:59Z",
				"2100-02-28T12:00:00Z", "2100-03-01T00:00:00Z", "2000-02-29T00:00:00Z", "1900-03-01T00:00:00Z",
				"0000-01-01T00:00:00Z", "0000-02-29T00:00:00Z", "0001-12-31T23:59:59Z",
				"9999-12-31T23:59:59.999999999Z", "1600-02-29T06:07:08.5Z", "2026-11-29T10:15:00.000Z" }) {
			assertReadsAsJackson(text);
		}
	}

	@Test
	void leavesEveryOtherFormToJacksonWhichAcceptsOrRefusesItAsBefore() {
		for (String json : new String[] { "\"2026-11-29T10:15:00+01:00\"", "\"2026-11-29T10:15:00.5+05:30\"",
				"\"+10000-01-01T00:00:00Z\"", "\"-0001-12-31T23:59:59Z\"", "1795972470", "1795972470.123",
				"\"2026-11-29T23:59:60Z\"", "\"2026-02-29T00:00:00Z\"", "\"2100-02-29T00:00:00Z\"",
				"\"2026-04-31T00:00:00Z\"", "\"2026-13-01T00:00:00Z\"", "\"2026-00-01T00:00:00Z\"",
				"\"2026-11-00T00:00:00Z\"", "\"2026-11-29T24:00:00Z\"", "\"2026-11-29T10:60:00Z\"",
				"\"2026-11-29T10:15:00.Z\"", "\"2026-11-29T10:15:00.1234567890Z\"", "\"2026-11-29 10:15:00Z\"",
				"\"2026-11-29T10:15:00z\"", "\"2026-11-29T1O:15:00Z\"", "\"2026-11-29T10:15:00\"", "\"\"",
				"\"2026-11-29T10:15:00.12a4Z\"", "\"٢٠٢٦-11-29T10:15:00Z\"", "\" 2026-11-29T10:15:00Z\"", "null",
				"true", "{}", "[]" }) {
			assertReadsJsonAsJackson(json);
		}
	}

	private static void assertReadsAsJackson(String text) {
		assertThat(EventJson.MAPPER.readValue("{\"at\":\"" + text + "\"}", Stamped.class).at()).as(text)
			.isEqualTo(Instant.parse(text))
			.isEqualTo(JACKSON.readValue("{\"at\":\"" + text + "\"}", Stamped.class).at());
	}

	private static void assertReadsJsonAsJackson(String json) {
		String document = "{\"at\":" + json + "}";
		Object expected = read(JACKSON, document);
		Object actual = read(EventJson.MAPPER, document);
		if (expected instanceof Class<?> failure) {
			assertThat(actual).as(json).isEqualTo(failure);
		}
		else {
			assertThat(actual).as(json).isEqualTo(expected);
		}
	}

	/** The instant read (or null), or the kind of failure. */
	private static Object read(JsonMapper mapper, String document) {
		try {
			Stamped stamped = mapper.readValue(document, Stamped.class);
			return stamped == null ? "null document" : String.valueOf(stamped.at());
		}
		catch (JacksonException ex) {
			return ex.getClass();
		}
	}
}

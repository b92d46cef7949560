package news.flashwire.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.SplittableRandom;

import org.junit.jupiter.api.Test;

import tools.jackson.databind.json.JsonMapper;

class IsoInstantSerializerTests {

	private static final JsonMapper JACKSON = JsonMapper.builder().build();

	@Test
	void writesWhatJacksonWritesForEveryPrecisionOfTheFraction() {
		for (String instant : new String[] { "2026-11-29T10:15:00Z", "2026-11-29T10:15:00.100Z",
				"2026-11-29T10:15:00.001Z", "2026-11-29T10:15:00.000100Z", "2026-11-29T10:15:00.000000001Z",
				"2026-11-29T10:15:00.123456789Z", "2026-11-29T10:15:00.120Z", "2026-11-29T10:15:00.123450Z" }) {
			assertWritesAsJackson(Instant.parse(instant));
		}
	}

	@Test
	void writesWhatJacksonWritesAtTheEdgesOfMonthsYearsAndLeapDays() {
		for (String instant : new String[] { "1970-01-01T00:00:00Z", "1969-12-31T23:59:59.999Z",
				"2024-02-29T23:59:59Z", "2100-02-28T12:00:00Z", "2100-03-01T00:00:00Z", "2000-02-29T00:00:00Z",
				"1900-03-01T00:00:00Z", "0000-01-01T00:00:00Z", "0001-12-31T23:59:59Z", "9999-12-31T23:59:59.999999999Z",
				"1600-02-29T06:07:08.5Z" }) {
			assertWritesAsJackson(Instant.parse(instant));
		}
	}

	@Test
	void writesWhatJacksonWritesOutsideTheFourDigitYears() {
		assertWritesAsJackson(Instant.MAX);
		assertWritesAsJackson(Instant.MIN);
		assertWritesAsJackson(Instant.parse("+10000-01-01T00:00:00Z"));
		assertWritesAsJackson(Instant.parse("-0001-12-31T23:59:59Z"));
	}

	@Test
	void formatsAnyInstantOfTheFourDigitYearsAsTheIsoFormatterDoes() {
		SplittableRandom random = new SplittableRandom(20261129);
		long first = Instant.parse("0000-01-01T00:00:00Z").getEpochSecond();
		long last = Instant.parse("9999-12-31T23:59:59Z").getEpochSecond();
		for (int i = 0; i < 20_000; i++) {
			int nano = switch (i % 4) {
				case 0 -> 0;
				case 1 -> random.nextInt(1000) * 1_000_000;
				case 2 -> random.nextInt(1_000_000) * 1_000;
				default -> random.nextInt(1_000_000_000);
			};
			Instant instant = Instant.ofEpochSecond(random.nextLong(first, last + 1), nano);
			char[] text = new char[30];
			int length = IsoInstantSerializer.format(instant.getEpochSecond(), instant.getNano(), text);
			assertThat(new String(text, 0, length)).isEqualTo(DateTimeFormatter.ISO_INSTANT.format(instant));
		}
	}

	@Test
	void readsBackWhatItWrote() {
		Instant now = Instant.now();

		assertThat(EventJson.MAPPER.readValue(EventJson.MAPPER.writeValueAsString(now), Instant.class)).isEqualTo(now);
	}

	private static void assertWritesAsJackson(Instant instant) {
		assertThat(EventJson.MAPPER.writeValueAsString(instant)).as("%s", instant)
			.isEqualTo(JACKSON.writeValueAsString(instant))
			.isEqualTo("\"" + DateTimeFormatter.ISO_INSTANT.format(instant) + "\"");
	}
}

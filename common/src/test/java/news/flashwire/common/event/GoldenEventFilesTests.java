package news.flashwire.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Objects;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.ticker.TickerChange;
import tools.jackson.databind.JsonNode;

/** The files under events/v1 pin the wire format: each reads to the expected type and writes back identically. */
class GoldenEventFilesTests {

	@ParameterizedTest
	@CsvSource({ "story.published, news.flashwire.common.story.StoryEvent$Published",
			"story.updated, news.flashwire.common.story.StoryEvent$Updated",
			"story.corrected, news.flashwire.common.story.StoryEvent$Corrected",
			"story.killed, news.flashwire.common.story.StoryEvent$Killed",
			"ticker.listed, news.flashwire.common.ticker.TickerChange$Listed",
			"ticker.removed, news.flashwire.common.ticker.TickerChange$Removed",
			"alert.new, news.flashwire.common.alert.Alert", "alert.correction, news.flashwire.common.alert.Alert" })
	void readsAndWritesEachGoldenFileExactly(String name, String expectedClass) throws Exception {
		String json = golden(name);
		Class<?> base = baseTypeOf(name);

		Object event = EventJson.MAPPER.readValue(json, base);
		String written = EventJson.MAPPER.writeValueAsString(event);

		assertThat(event.getClass().getName()).isEqualTo(expectedClass);
		assertThat(tree(written)).isEqualTo(tree(json));
	}

	@Test
	void readsAnAlertWrittenBeforeFollowUpsCarriedTheirEarlierUrgency() throws Exception {
		String older = golden("alert.new").replace(",\"previousUrgency\":null", "");

		Alert alert = EventJson.MAPPER.readValue(older, Alert.class);

		assertThat(alert.previousUrgency()).isNull();
		assertThat(alert.highestUrgency()).isEqualTo(alert.story().urgency());
	}

	private static Class<?> baseTypeOf(String name) {
		if (name.startsWith("story.")) {
			return StoryEvent.class;
		}
		return name.startsWith("ticker.") ? TickerChange.class : Alert.class;
	}

	private static JsonNode tree(String json) {
		return EventJson.MAPPER.readTree(json);
	}

	static String golden(String name) throws IOException {
		try (InputStream in = GoldenEventFilesTests.class.getResourceAsStream("/events/v1/" + name + ".json")) {
			return new String(Objects.requireNonNull(in, name).readAllBytes(), StandardCharsets.UTF_8);
		}
	}

}

package news.flashwire.common.story;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Instant;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.annotation.JsonSubTypes;

import news.flashwire.common.event.EventJson;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.ticker.TickerChange;
import tools.jackson.core.JacksonException;

class StoryEventJsonTests {

	private static final Story ARABIC_BREAKING = new Story("عاجل: انفجار في الميناء", Edition.of("ar"),
			Urgency.BREAKING, URI.create("https://example.com/a"), "world", Instant.parse("2026-11-29T10:00:00Z"),
			null);

	@Test
	void registersEverySubtypeOfStoryEventByTypeName() {
		assertThat(registered(StoryEvent.class)).containsExactlyInAnyOrderElementsOf(permitted(StoryEvent.class));
	}

	@Test
	void registersEverySubtypeOfTickerChangeByTypeName() {
		assertThat(registered(TickerChange.class)).containsExactlyInAnyOrderElementsOf(permitted(TickerChange.class));
	}

	@Test
	void roundTripsEveryKindOfStoryEvent() {
		StoryId id = StoryId.of("newsroom", "r1");
		StoryEvent[] events = { new StoryEvent.Published(EventMeta.now(), id, 1, ARABIC_BREAKING),
				new StoryEvent.Updated(EventMeta.now(), id, 2, ARABIC_BREAKING),
				new StoryEvent.Corrected(EventMeta.now(), id, 3, ARABIC_BREAKING, "figure corrected"),
				new StoryEvent.Killed(EventMeta.now(), id, 4, Edition.of("ar"), "legal") };

		for (StoryEvent event : events) {
			byte[] bytes = new StoryEventSerializer().serialize("t", event);
			assertThat(new StoryEventDeserializer().deserialize("t", bytes)).isEqualTo(event);
		}
	}

	@Test
	void writesTypeNamesNotClassNames() {
		String json = EventJson.MAPPER.writeValueAsString(
				new StoryEvent.Killed(EventMeta.now(), StoryId.of("afp", "1"), 2, Edition.of("en"), "legal"));

		assertThat(json).contains("\"type\":\"story.killed\"").doesNotContain("news.flashwire");
	}

	@Test
	void ignoresUnknownFieldsFromNewerWriters() {
		String json = """
				{"type":"story.killed","futureField":{"x":1},"meta":{"eventId":"8f0c2a8e-6f8e-4a35-9a55-4b8e2f1d2c04",
				"occurredAt":"2026-11-29T11:00:00Z","schemaVersion":1,"origin":"elsewhere"},"storyId":"afp:1",
				"revision":4,"edition":"ar","reason":"legal"}""";

		StoryEvent event = EventJson.MAPPER.readValue(json, StoryEvent.class);

		assertThat(event).isInstanceOf(StoryEvent.Killed.class);
		assertThat(event.revision()).isEqualTo(4);
	}

	@Test
	void rejectsAStoryEventWithoutItsStoryId() {
		String json = """
				{"type":"story.killed","meta":{"eventId":"8f0c2a8e-6f8e-4a35-9a55-4b8e2f1d2c04",
				"occurredAt":"2026-11-29T11:00:00Z","schemaVersion":1},"revision":4,"edition":"ar","reason":"legal"}""";

		assertThatThrownBy(() -> EventJson.MAPPER.readValue(json, StoryEvent.class))
			.isInstanceOf(JacksonException.class);
	}

	@Test
	void rejectsAPublishedStoryWithoutHeadline() {
		String json = """
				{"type":"story.published","meta":{"eventId":"8f0c2a8e-6f8e-4a35-9a55-4b8e2f1d2c01",
				"occurredAt":"2026-11-29T10:15:30Z","schemaVersion":1},"storyId":"afp:1","revision":1,
				"story":{"edition":"ar","urgency":"breaking","publishedAt":"2026-11-29T10:15:00Z"}}""";

		assertThatThrownBy(() -> EventJson.MAPPER.readValue(json, StoryEvent.class))
			.isInstanceOf(JacksonException.class)
			.hasMessageContaining("headline");
	}

	@Test
	void rejectsAnUnknownEventType() {
		String json = """
				{"type":"story.teleported","storyId":"afp:1","revision":1}""";

		assertThatThrownBy(() -> EventJson.MAPPER.readValue(json, StoryEvent.class))
			.isInstanceOf(JacksonException.class);
	}

	@Test
	void rejectsAMissingRevision() {
		String json = """
				{"type":"story.killed","meta":{"eventId":"8f0c2a8e-6f8e-4a35-9a55-4b8e2f1d2c04",
				"occurredAt":"2026-11-29T11:00:00Z","schemaVersion":1},"storyId":"afp:1","edition":"ar","reason":"x"}""";

		assertThatThrownBy(() -> EventJson.MAPPER.readValue(json, StoryEvent.class))
			.isInstanceOf(JacksonException.class);
	}

	private static Set<Class<?>> registered(Class<?> sealed) {
		return Arrays.stream(sealed.getAnnotation(JsonSubTypes.class).value())
			.map(JsonSubTypes.Type::value)
			.collect(Collectors.toSet());
	}

	private static Set<Class<?>> permitted(Class<?> sealed) {
		return Set.of(sealed.getPermittedSubclasses());
	}
}

package news.flashwire.common.event;

import java.time.Instant;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/** The one JSON mapping every service uses to read and write events. */
public final class EventJson {

	/**
	 * Unknown (newer) fields are ignored so old readers keep working; missing required fields fail in the records'
	 * compact constructors. Instants are written as ISO-8601 in UTC, as Jackson does, by a faster writer, and read
	 * by a faster reader of that form (anything else is read by Jackson's own).
	 */
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.addModule(new SimpleModule("flashwire-instants").addSerializer(Instant.class, new IsoInstantSerializer())
			.addDeserializer(Instant.class, new IsoInstantDeserializer()))
		.build();

	private EventJson() {
	}
}

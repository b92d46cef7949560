package news.flashwire.common.event;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The one JSON mapping every service uses to read and write events. */
public final class EventJson {

	/**
	 * Unknown (newer) fields are ignored so old readers keep working; missing required fields fail in the records'
	 * compact constructors.
	 */
	public static final JsonMapper MAPPER = JsonMapper.builder()
		.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
		.enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
		.build();

	private EventJson() {
	}
}

package news.flashwire.common.event;

import org.apache.kafka.common.serialization.Deserializer;
import org.jspecify.annotations.Nullable;

/** Reads an event written by {@link JsonEventSerializer}; a tombstone reads as null. */
public class JsonEventDeserializer<T> implements Deserializer<T> {

	private final Class<T> type;

	protected JsonEventDeserializer(Class<T> type) {
		this.type = type;
	}

	@Override
	public @Nullable T deserialize(String topic, byte @Nullable [] data) {
		return data == null ? null : EventJson.MAPPER.readValue(data, type);
	}
}

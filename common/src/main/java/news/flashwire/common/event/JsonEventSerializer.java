package news.flashwire.common.event;

import org.apache.kafka.common.serialization.Serializer;
import org.jspecify.annotations.Nullable;

/** Writes an event as UTF-8 JSON with {@link EventJson#MAPPER}; a null value stays null (a tombstone). */
public class JsonEventSerializer<T> implements Serializer<T> {

	@Override
	public byte @Nullable [] serialize(String topic, @Nullable T data) {
		return data == null ? null : EventJson.MAPPER.writeValueAsBytes(data);
	}
}

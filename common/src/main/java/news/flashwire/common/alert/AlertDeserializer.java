package news.flashwire.common.alert;

import news.flashwire.common.event.JsonEventDeserializer;

/** Kafka deserializer for {@link Alert}. */
public class AlertDeserializer extends JsonEventDeserializer<Alert> {

	public AlertDeserializer() {
		super(Alert.class);
	}
}

package news.flashwire.common.alert;

import news.flashwire.common.event.JsonEventSerializer;

/** Kafka serializer for {@link Alert}. */
public class AlertSerializer extends JsonEventSerializer<Alert> {
}

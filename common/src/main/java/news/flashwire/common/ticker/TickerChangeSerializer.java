package news.flashwire.common.ticker;

import news.flashwire.common.event.JsonEventSerializer;

/** Kafka serializer for {@link TickerChange}. */
public class TickerChangeSerializer extends JsonEventSerializer<TickerChange> {
}

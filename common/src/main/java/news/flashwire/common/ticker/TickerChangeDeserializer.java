package news.flashwire.common.ticker;

import news.flashwire.common.event.JsonEventDeserializer;

/** Kafka deserializer for {@link TickerChange}. */
public class TickerChangeDeserializer extends JsonEventDeserializer<TickerChange> {

	public TickerChangeDeserializer() {
		super(TickerChange.class);
	}
}

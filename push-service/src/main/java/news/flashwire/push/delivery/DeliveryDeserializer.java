package news.flashwire.push.delivery;

import news.flashwire.common.event.JsonEventDeserializer;

/** Kafka deserializer for {@link Delivery}. */
public class DeliveryDeserializer extends JsonEventDeserializer<Delivery> {

	public DeliveryDeserializer() {
		super(Delivery.class);
	}
}

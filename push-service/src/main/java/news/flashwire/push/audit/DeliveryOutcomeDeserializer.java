package news.flashwire.push.audit;

import news.flashwire.common.event.JsonEventDeserializer;

/** Kafka deserializer for {@link DeliveryOutcome}. */
public class DeliveryOutcomeDeserializer extends JsonEventDeserializer<DeliveryOutcome> {

	public DeliveryOutcomeDeserializer() {
		super(DeliveryOutcome.class);
	}
}

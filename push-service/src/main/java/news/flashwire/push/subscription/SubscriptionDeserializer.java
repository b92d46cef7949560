package news.flashwire.push.subscription;

import news.flashwire.common.event.JsonEventDeserializer;

/** Kafka deserializer for {@link Subscription}. */
public class SubscriptionDeserializer extends JsonEventDeserializer<Subscription> {

	public SubscriptionDeserializer() {
		super(Subscription.class);
	}
}

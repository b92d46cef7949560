package news.flashwire.push.subscription;

import news.flashwire.common.event.JsonEventSerializer;

/** Kafka serializer for {@link Subscription}; a deletion is a null value (tombstone). */
public class SubscriptionSerializer extends JsonEventSerializer<Subscription> {
}

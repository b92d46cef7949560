package news.flashwire.push.delivery;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How deliveries are made. The retry schedule (attempts, first-retry, multiplier, max-retry, jitter) is read by the
 * deliveries listener's {@code @RetryableTopic} from the same properties.
 *
 * @param ttl how long after the alert a delivery is still worth making; later ones are dead letters (expired)
 * @param perHostConcurrency deliveries in flight to one destination host
 * @param maxInFlight deliveries from the deliveries topic and its retry topics in flight on this instance; past it
 * their listeners stop consuming until some end
 * @param redeliveryWindow how far back a redelivery of a subscription's dead letters reaches
 */
@ConfigurationProperties("flashwire.push.delivery")
public record DeliverySettings(@DefaultValue("4h") Duration ttl, @DefaultValue("32") int perHostConcurrency,
		@DefaultValue("7") int attempts, @DefaultValue("5s") Duration firstRetry, @DefaultValue("6") double multiplier,
		@DefaultValue("2h") Duration maxRetry, @DefaultValue("256") int maxInFlight,
		@DefaultValue("24h") Duration redeliveryWindow) {
}

package news.flashwire.push.subscription;

import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;
import org.springframework.web.ErrorResponseException;

import news.flashwire.common.event.Topics;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Writes subscriptions to the compacted topic; completes only once Kafka has acknowledged. A send can block while the
 * producer waits for the broker's metadata, so it never runs on the caller's thread (an event loop, often).
 */
@Component
class SubscriptionWriter {

	private final KafkaTemplate<String, Object> kafka;

	SubscriptionWriter(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	Mono<Subscription> write(Subscription subscription) {
		return Mono.fromFuture(() -> kafka.send(Topics.SUBSCRIPTIONS, subscription.id(), subscription))
			.subscribeOn(Schedulers.boundedElastic())
			.thenReturn(subscription)
			.onErrorMap(ex -> !(ex instanceof ErrorResponseException), SubscriptionsUnavailable::new);
	}

	/** A tombstone: compaction drops the subscription, and every owner forgets it. */
	Mono<Void> delete(String id) {
		return Mono.fromFuture(() -> kafka.send(Topics.SUBSCRIPTIONS, id, null))
			.subscribeOn(Schedulers.boundedElastic())
			.then()
			.onErrorMap(ex -> !(ex instanceof ErrorResponseException), SubscriptionsUnavailable::new);
	}
}

package news.flashwire.push.subscription;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

import news.flashwire.push.delivery.EndpointFailing;
import news.flashwire.push.delivery.EndpointGone;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;
import reactor.util.retry.Retry;

/**
 * What deliveries teach about subscriptions: a browser subscription its push service no longer knows is deleted
 * (tombstone); a webhook whose delivery went to the dead letters is disabled until its owner re-enables it. And a
 * deletion that a racing change overwrote is written again.
 */
@Component
class SubscriptionLifecycle {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionLifecycle.class);

	private final SubscriptionReader reader;

	private final SubscriptionWriter writer;

	SubscriptionLifecycle(SubscriptionReader reader, SubscriptionWriter writer) {
		this.reader = reader;
		this.writer = writer;
	}

	@EventListener
	void on(EndpointGone gone) {
		delete(gone.subscriptionId(), "its push service no longer knows it");
	}

	@EventListener
	void on(DeletionOverwritten overwritten) {
		delete(overwritten.subscriptionId(), "again, after a change written past its deletion");
	}

	private void delete(String id, String why) {
		writer.delete(id)
			.retryWhen(Retry.backoff(8, Duration.ofSeconds(1)).maxBackoff(Duration.ofMinutes(1)))
			.subscribe(done -> {
			}, ex -> log.warn("Could not delete {} ({}): {}", id, why, ex.toString()),
					() -> log.info("Deleted {}: {}", id, why));
	}

	@EventListener
	void on(EndpointFailing failing) {
		Mono.fromCallable(() -> reader.find(failing.subscriptionId()))
			.subscribeOn(Schedulers.boundedElastic())
			.flatMap(found -> found.filter(subscription -> subscription.disabledAt() == null)
				.map(subscription -> writer.write(subscription.with(subscription.filters(), Instant.now())))
				.orElse(Mono.empty()))
			.subscribe(disabled -> log.warn("Disabled webhook {} after a dead letter ({}); its owner can re-enable it",
					disabled.id(), failing.reason()), ex -> log.warn("Could not disable {}: {}", failing.subscriptionId(),
							ex.toString()));
	}
}

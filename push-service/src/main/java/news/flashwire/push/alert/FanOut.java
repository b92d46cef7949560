package news.flashwire.push.alert;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import io.micrometer.context.ContextSnapshot;
import io.micrometer.context.ContextSnapshotFactory;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.Topics;
import news.flashwire.push.audit.DeliveryOutcome.Stage;
import news.flashwire.push.audit.Outcomes;
import news.flashwire.push.delivery.Delivery;
import news.flashwire.push.delivery.DeliverySettings;
import news.flashwire.push.delivery.FirstAttempt;
import news.flashwire.push.delivery.HostSlots;
import news.flashwire.push.subscription.Subscription;
import news.flashwire.push.subscription.SubscriptionStore;

/**
 * Delivers one alert to every matching subscriber of one subscriptions partition, then marks that (alert, partition)
 * done on the fan-out topic, in the same partition number. The first attempts are made here, host by host (up to
 * {@code hosts-at-once} hosts at a time, each within its slots); what fails is handed to Kafka for retries or the dead
 * letters ({@link FirstAttempt}). Only after every delivery was made or acknowledged by Kafka is the marker written:
 * an owner that dies before leaves no marker, and the next owner fans out again (receivers drop the duplicates by
 * webhook-id).
 */
@Component
class FanOut {

	private static final Logger log = LoggerFactory.getLogger(FanOut.class);

	private static final ContextSnapshotFactory TRACE = ContextSnapshotFactory.builder().build();

	private final SubscriptionStore store;

	private final KafkaTemplate<String, Object> kafka;

	private final DeliverySettings settings;

	private final FanOutSettings fanOutSettings;

	private final FirstAttempt firstAttempt;

	private final HostSlots slots;

	private final Outcomes outcomes;

	private final Set<String> started = ConcurrentHashMap.newKeySet();

	FanOut(SubscriptionStore store, KafkaTemplate<String, Object> kafka, DeliverySettings settings,
			FanOutSettings fanOutSettings, FirstAttempt firstAttempt, HostSlots slots, Outcomes outcomes) {
		this.store = store;
		this.kafka = kafka;
		this.settings = settings;
		this.fanOutSettings = fanOutSettings;
		this.firstAttempt = firstAttempt;
		this.slots = slots;
		this.outcomes = outcomes;
	}

	CompletableFuture<Void> expand(Alert alert, int partition) {
		String deliveryId = alert.deliveryId();
		if (!store.isLoaded(partition) || !started.add(partition + ":" + deliveryId)) {
			return CompletableFuture.completedFuture(null);
		}
		if (started.size() > 100_000) {
			started.clear();
		}
		// The alert's trace (its listener's observation) for the lines logged once Kafka answers, on another thread.
		ContextSnapshot trace = TRACE.captureAll();
		Instant now = Instant.now();
		List<Subscription> matching = store.matching(alert, partition, now);
		Instant expiresAt = expiry(alert);
		Map<String, List<Delivery>> byHost = matching.stream()
			.map(subscription -> new Delivery(deliveryId, subscription.id(), alert, subscription.webhook(),
					subscription.webPush(), expiresAt))
			.collect(Collectors.groupingBy(Delivery::host, LinkedHashMap::new, Collectors.toList()));
		return FanOutRun.start(List.copyOf(byHost.values()), firstAttempt::deliver, fanOutSettings.hostsAtOnce(),
				slots.perHost())
			// Not on the producer's I/O thread, which completes the sends: a send there can wait for metadata forever.
			.thenComposeAsync(done -> {
				// Moved away meanwhile: no marker, so the partition's next owner fans the alert out to all of it.
				if (!store.isLoaded(partition)) {
					return CompletableFuture.failedFuture(
							new IllegalStateException("partition " + partition + " is no longer loaded here"));
				}
				return kafka.send(new ProducerRecord<>(Topics.FANOUT, partition, deliveryId,
						new FanOutDone(deliveryId, partition, matching.size(), Instant.now())));
			})
			.thenRun(trace.wrap(() -> {
				log.info("Alert {} fanned out to {} subscribers of partition {}", deliveryId, matching.size(),
						partition);
				outcomes.record(deliveryId, Stage.MATCHED, matching.size(), null, "all", "partition " + partition);
			}))
			.exceptionally(ex -> {
				started.remove(partition + ":" + deliveryId);
				try (ContextSnapshot.Scope scope = trace.setThreadLocals()) {
					log.warn("Fan-out of {} to partition {} failed; the next owner of the partition retries: {}",
							deliveryId, partition, ex.toString());
				}
				return null;
			});
	}

	private Instant expiry(Alert alert) {
		Instant byTtl = alert.meta().occurredAt().plus(settings.ttl());
		Instant storyExpiry = alert.story().expiresAt();
		return storyExpiry != null && storyExpiry.isBefore(byTtl) ? storyExpiry : byTtl;
	}
}

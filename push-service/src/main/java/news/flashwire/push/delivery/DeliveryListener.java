package news.flashwire.push.delivery;

import java.time.Instant;
import java.util.concurrent.CompletableFuture;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.push.audit.DeliveryOutcome.Stage;
import news.flashwire.push.audit.Outcomes;
import news.flashwire.push.delivery.webhook.WebhookSender;
import news.flashwire.push.delivery.webpush.WebPushSender;
import news.flashwire.push.secret.SecretSeal;
import reactor.core.publisher.Mono;

/**
 * Delivers the records of the deliveries topic (consumer group {@code push-deliveries}), many at a time; an offset
 * is committed only once its delivery succeeded or was handed to a retry topic or the dead letters, so an instance
 * that dies mid-delivery leaves its work to the next owner. Retries go through retry topics on an exponential
 * schedule with jitter (immediately, then {@code first-retry} times {@code multiplier}^n up to {@code max-retry}).
 */
@Component
class DeliveryListener {

	private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);

	private static final String DURATION = "T(org.springframework.boot.convert.DurationStyle).detectAndParse";

	private final WebhookSender webhooks;

	private final WebPushSender webPush;

	private final HostSlots slots;

	private final SecretSeal seal;

	private final Outcomes outcomes;

	private final ApplicationEventPublisher events;

	DeliveryListener(WebhookSender webhooks, WebPushSender webPush, HostSlots slots, SecretSeal seal, Outcomes outcomes,
			ApplicationEventPublisher events) {
		this.webhooks = webhooks;
		this.webPush = webPush;
		this.slots = slots;
		this.seal = seal;
		this.outcomes = outcomes;
		this.events = events;
	}

	@RetryableTopic(attempts = "${flashwire.push.delivery.attempts:6}",
			backOff = @BackOff(delayString = "#{" + DURATION + "('${flashwire.push.delivery.first-retry:5s}').toMillis()}",
					multiplierString = "${flashwire.push.delivery.multiplier:6}",
					maxDelayString = "#{" + DURATION + "('${flashwire.push.delivery.max-retry:2h}').toMillis()}",
					jitterString = "#{" + DURATION + "('${flashwire.push.delivery.first-retry:5s}').toMillis() / 2}"),
			kafkaTemplate = "kafkaTemplate", numPartitions = "${flashwire.topics.partitions}",
			replicationFactor = "${flashwire.topics.replicas}",
			topicSuffixingStrategy = TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE,
			exclude = PermanentDeliveryFailure.class, traversingCauses = "true")
	@KafkaListener(id = "push-deliveries", groupId = "push-deliveries", topics = Topics.DELIVERIES,
			properties = "spring.deserializer.value.delegate.class=news.flashwire.push.delivery.DeliveryDeserializer")
	CompletableFuture<Void> deliver(Delivery delivery) {
		try {
			return attempt(delivery).doOnError(DeliveryFailure.class,
					ex -> outcomes.record(delivery.id(), Stage.RETRIED, 1, delivery.subscriptionId(), delivery.channel(),
							ex.getMessage()))
				.toFuture();
		}
		catch (RuntimeException ex) {
			return CompletableFuture.failedFuture(ex);
		}
	}

	private Mono<Void> attempt(Delivery delivery) {
		if (Instant.now().isAfter(delivery.expiresAt())) {
			return Mono.error(new PermanentDeliveryFailure("expired"));
		}
		if (delivery.webhook() != null) {
			String secret = seal.open(delivery.subscriptionId(), delivery.webhook().sealedSecret());
			return slots
				.withSlot(delivery.webhook().url().getHost(),
						() -> webhooks.send(delivery.id(), delivery.alert(), delivery.webhook(), secret))
				.doOnSuccess(done -> delivered(delivery));
		}
		return slots
			.withSlot(delivery.webPush().endpoint().getHost(),
					() -> webPush.send(delivery.id(), delivery.alert(), delivery.webPush(), delivery.expiresAt()))
			.doOnNext(result -> {
				if (result == WebPushSender.Result.GONE) {
					outcomes.record(delivery.id(), Stage.REMOVED, 1, delivery.subscriptionId(), delivery.channel(), null);
					events.publishEvent(new EndpointGone(delivery.subscriptionId()));
				}
				else {
					delivered(delivery);
				}
			})
			.then();
	}

	private void delivered(Delivery delivery) {
		log.debug("Delivered {} to {}", delivery.id(), delivery.subscriptionId());
		outcomes.record(delivery.id(), Stage.DELIVERED, 1, delivery.subscriptionId(), delivery.channel(), null);
	}

	@DltHandler
	void dead(Delivery delivery,
			@Header(name = KafkaHeaders.DLT_EXCEPTION_MESSAGE, required = false) String reason) {
		String why = reason == null ? "failed" : reason;
		boolean expired = why.contains("expired");
		log.warn("Dead letter: {} to {} ({})", delivery.id(), delivery.subscriptionId(), why);
		outcomes.record(delivery.id(), expired ? Stage.EXPIRED : Stage.FAILED, 1, delivery.subscriptionId(),
				delivery.channel(), why);
		if (delivery.webhook() != null && !expired) {
			events.publishEvent(new EndpointFailing(delivery.subscriptionId(), why));
		}
	}
}

package news.flashwire.push.delivery;

import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import news.flashwire.push.audit.DeliveryOutcome.Stage;
import news.flashwire.push.audit.Outcomes;
import news.flashwire.push.delivery.webhook.WebhookSender;
import news.flashwire.push.delivery.webpush.WebPushSender;
import news.flashwire.push.secret.SecretSeal;
import reactor.core.publisher.Mono;

/**
 * One attempt at a delivery, by its channel, within its host's slots (waiting for one is not part of the attempt).
 * Records what a successful attempt achieved; a failed one ends in a {@link DeliveryFailure} or a
 * {@link PermanentDeliveryFailure} for the caller to route.
 */
@Component
class DeliveryAttempt {

	private static final Logger log = LoggerFactory.getLogger(DeliveryAttempt.class);

	private final WebhookSender webhooks;

	private final WebPushSender webPush;

	private final HostSlots slots;

	private final SecretSeal seal;

	private final Outcomes outcomes;

	private final ApplicationEventPublisher events;

	DeliveryAttempt(WebhookSender webhooks, WebPushSender webPush, HostSlots slots, SecretSeal seal, Outcomes outcomes,
			ApplicationEventPublisher events) {
		this.webhooks = webhooks;
		this.webPush = webPush;
		this.slots = slots;
		this.seal = seal;
		this.outcomes = outcomes;
		this.events = events;
	}

	Mono<Void> attempt(Delivery delivery) {
		return Mono.defer(() -> {
			if (Instant.now().isAfter(delivery.expiresAt())) {
				return Mono.error(new PermanentDeliveryFailure("expired"));
			}
			if (delivery.webhook() != null) {
				return slots.withSlot(delivery.host(), () -> {
					String secret = seal.open(delivery.subscriptionId(), delivery.webhook().sealedSecret());
					return webhooks.send(delivery.id(), delivery.alert(), delivery.webhook(), secret);
				}).doOnSuccess(done -> delivered(delivery));
			}
			return slots
				.withSlot(delivery.host(),
						() -> webPush.send(delivery.id(), delivery.alert(), delivery.webPush(), delivery.expiresAt()))
				.doOnNext(result -> {
					if (result == WebPushSender.Result.GONE) {
						outcomes.record(delivery.id(), Stage.REMOVED, 1, delivery.subscriptionId(), delivery.channel(),
								null);
						events.publishEvent(new EndpointGone(delivery.subscriptionId()));
					}
					else {
						delivered(delivery);
					}
				})
				.then();
		});
	}

	private void delivered(Delivery delivery) {
		log.debug("Delivered {} to {}", delivery.id(), delivery.subscriptionId());
		outcomes.record(delivery.id(), Stage.DELIVERED, 1, delivery.subscriptionId(), delivery.channel(), null);
	}
}

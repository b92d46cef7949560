package news.flashwire.push.delivery;

import java.time.Instant;

import javax.crypto.SecretKey;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

import news.flashwire.push.audit.DeliveryOutcome.Stage;
import news.flashwire.push.audit.Outcomes;
import news.flashwire.push.delivery.webhook.WebhookKeys;
import news.flashwire.push.delivery.webhook.WebhookSender;
import news.flashwire.push.delivery.webhook.WebhookTarget;
import news.flashwire.push.delivery.webpush.WebPushSender;
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

	private final WebhookKeys webhookKeys;

	private final Outcomes outcomes;

	private final ApplicationEventPublisher events;

	DeliveryAttempt(WebhookSender webhooks, WebPushSender webPush, HostSlots slots, WebhookKeys webhookKeys,
			Outcomes outcomes, ApplicationEventPublisher events) {
		this.webhooks = webhooks;
		this.webPush = webPush;
		this.slots = slots;
		this.webhookKeys = webhookKeys;
		this.outcomes = outcomes;
		this.events = events;
	}

	Mono<Void> attempt(Delivery delivery) {
		return Mono.create(sink -> attempt(delivery, failure -> {
			if (failure == null) {
				sink.success();
			}
			else {
				sink.error(failure);
			}
		}));
	}

	/** The attempt as a plain callback: {@code done} is called exactly once, on the thread that ended it. */
	void attempt(Delivery delivery, Completion done) {
		if (Instant.now().isAfter(delivery.expiresAt())) {
			done.completed(new DeliveryExpired("expired"));
		}
		else if (delivery.webhook() != null) {
			slots.withSlot(delivery.host(), release -> sendWebhook(delivery, release, done));
		}
		else {
			slots.withSlot(delivery.host(), release -> pushToBrowser(delivery, release, done));
		}
	}

	private void sendWebhook(Delivery delivery, Runnable release, Completion done) {
		WebhookTarget webhook = delivery.webhook();
		SecretKey signingKey;
		try {
			signingKey = webhookKeys.keyOf(delivery.subscriptionId(), webhook);
		}
		catch (RuntimeException ex) {
			release.run();
			done.completed(ex);
			return;
		}
		webhooks.send(delivery.id(), delivery.alert(), webhook, signingKey, failure -> {
			release.run();
			if (failure == null) {
				delivered(delivery);
			}
			done.completed(failure);
		});
	}

	private void pushToBrowser(Delivery delivery, Runnable release, Completion done) {
		Mono.defer(() -> webPush.send(delivery.id(), delivery.alert(), delivery.webPush(), delivery.expiresAt()))
			.doOnTerminate(release)
			.subscribe(result -> {
				if (result == WebPushSender.Result.GONE) {
					outcomes.record(delivery.id(), Stage.REMOVED, 1, delivery.subscriptionId(), delivery.channel(), null);
					events.publishEvent(new EndpointGone(delivery.subscriptionId()));
				}
				else {
					delivered(delivery);
				}
			}, done::completed, () -> done.completed(null));
	}

	private void delivered(Delivery delivery) {
		log.debug("Delivered {} to {}", delivery.id(), delivery.subscriptionId());
		outcomes.record(delivery.id(), Stage.DELIVERED, 1, delivery.subscriptionId(), delivery.channel(), null);
	}
}

package news.flashwire.push.delivery;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.alert.Alert;
import news.flashwire.push.delivery.webhook.WebhookTarget;
import news.flashwire.push.delivery.webpush.WebPushTarget;

/**
 * One alert for one subscriber: a record on the deliveries topic, keyed by subscription id. It carries what the
 * sender needs (the webhook secret only sealed), so any instance can deliver it.
 *
 * @param id the stable delivery id ({@code webhook-id}), the alert's {@link Alert#deliveryId()}
 * @param expiresAt when the alert is no longer worth delivering (the Web Push TTL ends there)
 */
public record Delivery(String id, String subscriptionId, Alert alert, @Nullable WebhookTarget webhook,
		@Nullable WebPushTarget webPush, Instant expiresAt) {

	public Delivery {
		Objects.requireNonNull(id, "id is required");
		Objects.requireNonNull(subscriptionId, "subscriptionId is required");
		Objects.requireNonNull(alert, "alert is required");
		Objects.requireNonNull(expiresAt, "expiresAt is required");
		if ((webhook == null) == (webPush == null)) {
			throw new IllegalArgumentException("a delivery goes to a webhook or to a browser");
		}
	}

	/** The host the delivery goes to, whose concurrency is bounded. */
	public String host() {
		return webhook != null ? webhook.url().getHost() : webPush.endpoint().getHost();
	}

	public String channel() {
		return webhook != null ? "webhook" : "webpush";
	}
}

package news.flashwire.push.subscription;

import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.alert.Alert;
import news.flashwire.push.delivery.webhook.WebhookTarget;
import news.flashwire.push.delivery.webpush.WebPushTarget;

/**
 * A subscriber to urgent alerts, as kept on the compacted subscriptions topic: a webhook or a browser's Web Push
 * subscription. The management token is kept only as a SHA-256 hash and the webhook secret only sealed.
 *
 * @param disabledAt when deliveries were stopped (an endpoint that kept failing, or its owner), or null
 */
public record Subscription(String id, @Nullable WebhookTarget webhook, @Nullable WebPushTarget webPush,
		String tokenHash, Filters filters, Instant createdAt, @Nullable Instant disabledAt) {

	public Subscription {
		Objects.requireNonNull(id, "id is required");
		if ((webhook == null) == (webPush == null)) {
			throw new IllegalArgumentException("a subscription is either a webhook or a Web Push subscription");
		}
		Objects.requireNonNull(tokenHash, "tokenHash is required");
		Objects.requireNonNull(filters, "filters is required");
		Objects.requireNonNull(createdAt, "createdAt is required");
	}

	/** Whether this subscriber is to receive the alert now. */
	public boolean wants(Alert alert, Instant now) {
		return disabledAt == null && filters.wants(alert, now);
	}

	Subscription with(Filters filters, @Nullable Instant disabledAt) {
		return new Subscription(id, webhook, webPush, tokenHash, filters, createdAt, disabledAt);
	}
}

package news.flashwire.push.subscription;

import java.net.URI;
import java.time.Instant;

import org.jspecify.annotations.Nullable;

import news.flashwire.push.audit.LastOutcome;

/**
 * A subscription as its owner sees it: never its secret or token. {@code secret} and {@code token} are set only in
 * the answer that creates it, the one time they are shown; {@code lastOutcome} is the last thing that happened to its
 * deliveries, when one is known.
 */
record SubscriptionView(String id, String type, @Nullable URI url, @Nullable URI endpoint, Filters filters,
		boolean enabled, @Nullable Instant disabledAt, Instant createdAt, @Nullable String secret,
		@Nullable String token, @Nullable LastOutcome lastOutcome) {

	static SubscriptionView of(Subscription subscription, @Nullable LastOutcome lastOutcome) {
		return view(subscription, null, null, lastOutcome);
	}

	static SubscriptionView created(Subscription subscription, @Nullable String secret, @Nullable String token) {
		return view(subscription, secret, token, null);
	}

	private static SubscriptionView view(Subscription subscription, @Nullable String secret, @Nullable String token,
			@Nullable LastOutcome lastOutcome) {
		boolean webhook = subscription.webhook() != null;
		return new SubscriptionView(subscription.id(), webhook ? "webhook" : "webpush",
				webhook ? subscription.webhook().url() : null,
				subscription.webPush() != null ? subscription.webPush().endpoint() : null, subscription.filters(),
				subscription.disabledAt() == null, subscription.disabledAt(), subscription.createdAt(), secret, token,
				lastOutcome);
	}
}

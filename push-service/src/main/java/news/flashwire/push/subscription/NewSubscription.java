package news.flashwire.push.subscription;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Urgency;

/**
 * What a partner (a webhook {@code url}) or a browser (its {@code pushSubscription}, as PushSubscription.toJSON()
 * gives it) posts to subscribe, with optional filters.
 */
record NewSubscription(@Nullable String url, @Nullable BrowserSubscription pushSubscription,
		@Nullable Set<String> editions, @Nullable Set<String> languages, @Nullable Set<String> categories,
		@Nullable Urgency minimumUrgency, @Nullable QuietHours quietHours) {

	/** A browser's PushSubscription JSON. */
	record BrowserSubscription(@Nullable String endpoint, @Nullable Keys keys) {
	}

	record Keys(@Nullable String p256dh, @Nullable String auth) {
	}
}

package news.flashwire.push.subscription;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Urgency;

/**
 * A PATCH of a subscription: each field given replaces the current one. {@code enabled: true} re-enables a
 * subscription that was disabled (by its owner or because its endpoint kept failing). Quiet hours from and to the
 * same time remove them.
 */
record SubscriptionChanges(@Nullable Set<String> editions, @Nullable Set<String> languages,
		@Nullable Set<String> categories, @Nullable Urgency minimumUrgency, @Nullable QuietHours quietHours,
		@Nullable Boolean enabled) {
}

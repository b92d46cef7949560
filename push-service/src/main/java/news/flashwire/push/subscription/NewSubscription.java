package news.flashwire.push.subscription;

import java.util.Set;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Urgency;

/** What a partner posts to subscribe a webhook. */
record NewSubscription(@Nullable String url, @Nullable Set<String> editions, @Nullable Urgency minimumUrgency) {
}

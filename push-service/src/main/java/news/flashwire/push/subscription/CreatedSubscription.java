package news.flashwire.push.subscription;

import java.util.Set;

import news.flashwire.common.story.Urgency;

/** The answer to a new subscription: the only time its secret and management token are shown. */
record CreatedSubscription(String id, String url, Set<String> editions, Urgency minimumUrgency, String secret,
		String token) {
}

package news.flashwire.push.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;
import java.util.Set;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.story.Urgency;

/**
 * A subscriber to urgent alerts, as kept on the compacted subscriptions topic. The management token is kept only as
 * a hash; the webhook secret is what deliveries are signed with.
 *
 * @param editions editions the subscriber wants; empty means all
 * @param minimumUrgency the least urgent alert the subscriber wants
 */
public record Subscription(String id, URI url, String secret, String tokenHash, Set<String> editions,
		Urgency minimumUrgency, Instant createdAt) {

	public Subscription {
		Objects.requireNonNull(id, "id is required");
		Objects.requireNonNull(url, "url is required");
		Objects.requireNonNull(secret, "secret is required");
		Objects.requireNonNull(tokenHash, "tokenHash is required");
		editions = Set.copyOf(Objects.requireNonNull(editions, "editions is required"));
		Objects.requireNonNull(minimumUrgency, "minimumUrgency is required");
		Objects.requireNonNull(createdAt, "createdAt is required");
	}

	/** Whether this subscriber wants the alert: its edition and at least its urgency (lower ordinal = more urgent). */
	public boolean wants(Alert alert) {
		boolean edition = editions.isEmpty() || editions.contains(alert.story().edition().code());
		return edition && alert.story().urgency().ordinal() <= minimumUrgency.ordinal();
	}
}

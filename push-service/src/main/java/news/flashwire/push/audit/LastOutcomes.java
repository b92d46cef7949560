package news.flashwire.push.audit;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * Per subscription, the last outcome of its deliveries, from the same outcomes topic as the alert audit (so of the
 * last day, on every instance). Bounded by {@code flashwire.push.audit.last-outcomes}: the subscriptions heard of least
 * recently are forgotten first.
 */
@Component
public class LastOutcomes {

	private final Map<String, LastOutcome> last;

	LastOutcomes(AuditSettings settings) {
		int bound = settings.lastOutcomes();
		this.last = new LinkedHashMap<>(1024, 0.75f, false) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, LastOutcome> eldest) {
				return size() > bound;
			}
		};
	}

	synchronized void add(DeliveryOutcome outcome) {
		if (outcome.stage() == DeliveryOutcome.Stage.MATCHED) {
			return;
		}
		for (DeliveryOutcome.Subscriber subscriber : outcome.bySubscriber()) {
			LastOutcome known = last.get(subscriber.id());
			if (known != null && known.at().isAfter(subscriber.at())) {
				continue;
			}
			// Removed first, so the entry moves to the young end of the insertion order.
			last.remove(subscriber.id());
			last.put(subscriber.id(), LastOutcome.of(outcome, subscriber.at()));
		}
	}

	/** The subscription's last outcome, if one was heard of (and not yet forgotten). */
	public synchronized Optional<LastOutcome> of(String subscriptionId) {
		return Optional.ofNullable(last.get(subscriptionId));
	}
}

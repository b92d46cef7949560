package news.flashwire.push.audit;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Per subscription, the last outcome of its deliveries, from the same outcomes topic as the alert audit (so of the
 * last day, on every instance). Bounded by {@code flashwire.push.audit.last-outcomes}: the subscriptions heard of (or
 * asked about) least recently are forgotten first. A subscription's entry is updated in place: a fan-out to every
 * subscriber then leaves no new object per subscriber behind to outlive it.
 */
@Component
public class LastOutcomes {

	private final Map<String, Entry> last;

	LastOutcomes(AuditSettings settings) {
		int bound = settings.lastOutcomes();
		// In access order: looking an entry up makes it the most recent.
		this.last = new LinkedHashMap<>(1024, 0.75f, true) {

			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Entry> eldest) {
				return size() > bound;
			}
		};
	}

	synchronized void add(DeliveryOutcome outcome) {
		if (outcome.stage() == DeliveryOutcome.Stage.MATCHED) {
			return;
		}
		for (DeliveryOutcome.Subscriber subscriber : outcome.bySubscriber()) {
			Entry known = last.get(subscriber.id());
			if (known == null) {
				Entry entry = new Entry();
				entry.set(outcome, subscriber.at());
				last.put(subscriber.id(), entry);
			}
			else if (!known.isAfter(subscriber.at())) {
				known.set(outcome, subscriber.at());
			}
		}
	}

	/** The subscription's last outcome, if one was heard of (and not yet forgotten). */
	public synchronized Optional<LastOutcome> of(String subscriptionId) {
		return Optional.ofNullable(last.get(subscriptionId)).map(Entry::view);
	}

	/** A {@link LastOutcome} kept as plain fields. */
	private static final class Entry {

		private DeliveryOutcome.Stage stage = DeliveryOutcome.Stage.DELIVERED;

		private long epochSecond;

		private int nano;

		private String alertId = "";

		private @Nullable String reason;

		void set(DeliveryOutcome outcome, Instant at) {
			stage = outcome.stage();
			epochSecond = at.getEpochSecond();
			nano = at.getNano();
			alertId = outcome.alertId();
			reason = LastOutcome.reasonOf(outcome.detail());
		}

		boolean isAfter(Instant at) {
			return epochSecond > at.getEpochSecond() || epochSecond == at.getEpochSecond() && nano > at.getNano();
		}

		LastOutcome view() {
			return new LastOutcome(stage, Instant.ofEpochSecond(epochSecond, nano), alertId, reason);
		}
	}
}

package news.flashwire.push.audit;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

/**
 * The audit of recent alerts, kept in memory from the outcomes topic: counts per stage with the first and last time
 * each stage was reached, and how many subscribers are waiting for a retry now. Bounded: the oldest alerts are
 * forgotten first.
 */
@Component
class AlertAudit {

	private static final int MAX_ALERTS = 10_000;

	private final Map<String, Summary> alerts = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, false) {

		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Summary> eldest) {
			return size() > MAX_ALERTS;
		}
	});

	void add(DeliveryOutcome outcome) {
		alerts.computeIfAbsent(outcome.alertId(), Summary::new).add(outcome);
	}

	Optional<AlertDeliveries> of(String alertId) {
		return Optional.ofNullable(alerts.get(alertId)).map(Summary::view);
	}

	private static final class Summary {

		private final String alertId;

		private final Map<DeliveryOutcome.Stage, AlertDeliveries.StageCount> stages = new EnumMap<>(
				DeliveryOutcome.Stage.class);

		// Subscribers whose latest outcome for this alert is a retry, with its time: only the failing few, never all.
		private final Map<String, Instant> retrying = new HashMap<>();

		Summary(String alertId) {
			this.alertId = alertId;
		}

		synchronized void add(DeliveryOutcome outcome) {
			stages.merge(outcome.stage(),
					new AlertDeliveries.StageCount(outcome.count(), outcome.firstAt(), outcome.at()),
					(old, added) -> new AlertDeliveries.StageCount(old.count() + added.count(), min(old.first(), added.first()),
							max(old.last(), added.last())));
			if (outcome.stage() == DeliveryOutcome.Stage.MATCHED) {
				return;
			}
			for (DeliveryOutcome.Subscriber subscriber : outcome.bySubscriber()) {
				if (outcome.stage() == DeliveryOutcome.Stage.RETRIED) {
					retrying.merge(subscriber.id(), subscriber.at(), AlertAudit.Summary::max);
				}
				else if (!retrying.isEmpty()) {
					retrying.computeIfPresent(subscriber.id(),
							(id, retriedAt) -> retriedAt.isAfter(subscriber.at()) ? retriedAt : null);
				}
			}
		}

		synchronized AlertDeliveries view() {
			return new AlertDeliveries(alertId, new EnumMap<>(stages), retrying.size());
		}

		private static Instant min(Instant a, Instant b) {
			return a.isBefore(b) ? a : b;
		}

		private static Instant max(Instant a, Instant b) {
			return a.isAfter(b) ? a : b;
		}
	}
}

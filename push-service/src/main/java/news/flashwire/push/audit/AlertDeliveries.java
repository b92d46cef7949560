package news.flashwire.push.audit;

import java.time.Instant;
import java.util.Map;

/**
 * The answer of {@code GET /v1/alerts/{id}/deliveries}: per stage, how many and when first and last; and how many
 * subscribers wait for a retry now (their latest outcome for this alert is {@code RETRIED}).
 */
record AlertDeliveries(String alertId, Map<DeliveryOutcome.Stage, StageCount> stages, int retrying) {

	record StageCount(long count, Instant first, Instant last) {
	}
}

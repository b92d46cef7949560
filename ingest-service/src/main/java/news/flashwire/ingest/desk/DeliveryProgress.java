package news.flashwire.ingest.desk;

import java.time.Instant;
import java.util.Map;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How far an alert has gone out: subscribers matched, deliveries made, subscribers waiting for a retry now, deliveries
 * given up ({@code failed}: dead letters and expired ones), Web Push subscriptions found gone ({@code removed}), and
 * when anything last happened ({@code null} before anything did).
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record DeliveryProgress(String alertId, long matched, long delivered, long retrying, long failed, long removed,
		@Nullable Instant lastAt) {

	static DeliveryProgress none(String alertId) {
		return new DeliveryProgress(alertId, 0, 0, 0, 0, 0, null);
	}

	static DeliveryProgress of(String alertId, Audit audit) {
		Map<String, Audit.StageCount> stages = audit.stages() != null ? audit.stages() : Map.of();
		Instant last = stages.values().stream().map(Audit.StageCount::last).filter(java.util.Objects::nonNull)
			.max(Instant::compareTo).orElse(null);
		return new DeliveryProgress(alertId, count(stages, "MATCHED"), count(stages, "DELIVERED"),
				Math.max(0, audit.retrying()), count(stages, "FAILED") + count(stages, "EXPIRED"),
				count(stages, "REMOVED"), last);
	}

	private static long count(Map<String, Audit.StageCount> stages, String stage) {
		Audit.StageCount count = stages.get(stage);
		return count == null ? 0 : Math.max(0, count.count());
	}

	/** push-service's answer of {@code GET /v1/alerts/{id}/deliveries}, as far as the page needs it. */
	record Audit(@Nullable Map<String, StageCount> stages, int retrying) {

		record StageCount(long count, @Nullable Instant last) {
		}
	}
}

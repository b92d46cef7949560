package news.flashwire.push.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The latest thing that happened to a subscription's deliveries: its stage ({@code DELIVERED}, {@code RETRIED},
 * {@code FAILED}, {@code EXPIRED}, {@code REMOVED}), when, for which alert, and why when it did not go well.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LastOutcome(DeliveryOutcome.Stage stage, Instant at, String alertId, @Nullable String reason) {

	private static final int MAX_REASON = 200;

	static LastOutcome of(DeliveryOutcome outcome) {
		return of(outcome, outcome.at());
	}

	/** One subscription's part of the outcome, which reached it at {@code at}. */
	static LastOutcome of(DeliveryOutcome outcome, Instant at) {
		return new LastOutcome(outcome.stage(), at, outcome.alertId(), reasonOf(outcome.detail()));
	}

	/** An outcome's detail as a reason: shortened when long. */
	static @Nullable String reasonOf(@Nullable String detail) {
		return detail == null || detail.length() <= MAX_REASON ? detail : detail.substring(0, MAX_REASON) + "…";
	}
}

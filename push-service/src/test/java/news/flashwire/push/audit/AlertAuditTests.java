package news.flashwire.push.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.flashwire.push.audit.DeliveryOutcome.Stage;

class AlertAuditTests {

	private static final Instant T0 = Instant.parse("2026-11-29T10:00:00Z");

	private final AlertAudit audit = new AlertAudit();

	private final LastOutcomes lastOutcomes = new LastOutcomes(new AuditSettings(List.of(), 2));

	@Test
	void countsSubscribersWaitingForARetryUntilTheirDeliveryEnds() {
		hear(outcome("msg_a_r1", Stage.MATCHED, 3, null, 0));
		hear(outcome("msg_a_r1", Stage.DELIVERED, 1, "sub_1", 1));
		hear(outcome("msg_a_r1", Stage.RETRIED, 1, "sub_2", 1));
		hear(outcome("msg_a_r1", Stage.RETRIED, 1, "sub_3", 1));
		hear(outcome("msg_a_r1", Stage.RETRIED, 1, "sub_3", 2));

		AlertDeliveries during = audit.of("msg_a_r1").orElseThrow();
		assertThat(during.retrying()).isEqualTo(2);
		assertThat(during.stages().get(Stage.RETRIED).count()).isEqualTo(3);

		hear(outcome("msg_a_r1", Stage.DELIVERED, 1, "sub_2", 3));
		hear(outcome("msg_a_r1", Stage.FAILED, 1, "sub_3", 4));

		AlertDeliveries after = audit.of("msg_a_r1").orElseThrow();
		assertThat(after.retrying()).isZero();
		assertThat(after.stages().get(Stage.MATCHED).count()).isEqualTo(3);
		assertThat(after.stages().get(Stage.DELIVERED).count()).isEqualTo(2);
		assertThat(after.stages().get(Stage.FAILED).count()).isEqualTo(1);
	}

	@Test
	void keepsTheLatestOutcomeOfEachSubscription() {
		hear(outcome("msg_a_r1", Stage.RETRIED, 1, "sub_1", 1));
		hear(outcome("msg_a_r1", Stage.DELIVERED, 1, "sub_1", 3));
		// Read late: an older retry never hides the delivery that came after it.
		hear(outcome("msg_a_r1", Stage.RETRIED, 1, "sub_1", 2));

		assertThat(lastOutcomes.of("sub_1")).hasValueSatisfying(last -> {
			assertThat(last.stage()).isEqualTo(Stage.DELIVERED);
			assertThat(last.at()).isEqualTo(T0.plusSeconds(3));
			assertThat(last.alertId()).isEqualTo("msg_a_r1");
		});
		assertThat(lastOutcomes.of("sub_unknown")).isEmpty();
	}

	@Test
	void forgetsTheSubscriptionsHeardOfLeastRecentlyAndShortensLongReasons() {
		hear(new DeliveryOutcome("msg_a_r1", Stage.FAILED, 1, "sub_1", "webhook", T0, "x".repeat(5_000)));
		hear(outcome("msg_a_r1", Stage.DELIVERED, 1, "sub_2", 1));
		hear(outcome("msg_b_r1", Stage.DELIVERED, 1, "sub_1", 2));
		hear(outcome("msg_b_r1", Stage.DELIVERED, 1, "sub_3", 3));

		assertThat(lastOutcomes.of("sub_2")).isEmpty();
		assertThat(lastOutcomes.of("sub_1")).hasValueSatisfying(last -> assertThat(last.alertId()).isEqualTo("msg_b_r1"));
		assertThat(lastOutcomes.of("sub_3")).isPresent();
		assertThat(LastOutcome.of(new DeliveryOutcome("msg_a_r1", Stage.FAILED, 1, "sub_1", "webhook", T0,
				"x".repeat(5_000))).reason()).hasSizeLessThan(300);
	}

	private void hear(DeliveryOutcome outcome) {
		audit.add(outcome);
		lastOutcomes.add(outcome);
	}

	private static DeliveryOutcome outcome(String alert, Stage stage, int count, String subscription, int second) {
		return new DeliveryOutcome(alert, stage, count, subscription, subscription == null ? "all" : "webhook",
				T0.plusSeconds(second), stage == Stage.RETRIED ? "HTTP 503" : null);
	}
}

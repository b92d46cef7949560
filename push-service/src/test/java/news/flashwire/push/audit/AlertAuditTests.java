package news.flashwire.push.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.assertj.core.groups.Tuple;
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

	@Test
	void aBatchOfDeliveriesCountsEachSubscriberWithItsOwnTime() {
		hear(outcome("msg_a_r1", Stage.MATCHED, 4, null, 0));
		hear(outcome("msg_a_r1", Stage.RETRIED, 1, "sub_3", 1));
		// sub_1's delivery of an older alert, heard late: its own time, not the batch's, decides.
		hear(outcome("msg_old_r1", Stage.FAILED, 1, "sub_1", 3));
		hear(new DeliveryOutcome("msg_a_r1", Stage.DELIVERED, 3, null, "webhook", T0.plusSeconds(5), null,
				List.of(new DeliveryOutcome.Subscriber("sub_1", T0.plusSeconds(2)),
						new DeliveryOutcome.Subscriber("sub_2", T0.plusSeconds(4)),
						new DeliveryOutcome.Subscriber("sub_3", T0.plusSeconds(5)))));

		AlertDeliveries deliveries = audit.of("msg_a_r1").orElseThrow();
		assertThat(deliveries.stages().get(Stage.DELIVERED).count()).isEqualTo(3);
		assertThat(deliveries.stages().get(Stage.DELIVERED).first()).isEqualTo(T0.plusSeconds(2));
		assertThat(deliveries.stages().get(Stage.DELIVERED).last()).isEqualTo(T0.plusSeconds(5));
		assertThat(deliveries.retrying()).as("sub_3 was delivered after its retry").isZero();
		LastOutcomes all = new LastOutcomes(new AuditSettings(List.of(), 10));
		all.add(outcome("msg_old_r1", Stage.FAILED, 1, "sub_1", 3));
		all.add(new DeliveryOutcome("msg_a_r1", Stage.DELIVERED, 2, null, "webhook", T0.plusSeconds(4), null,
				List.of(new DeliveryOutcome.Subscriber("sub_1", T0.plusSeconds(2)),
						new DeliveryOutcome.Subscriber("sub_2", T0.plusSeconds(4)))));
		assertThat(all.of("sub_1")).hasValueSatisfying(last -> assertThat(last.stage()).isEqualTo(Stage.FAILED));
		assertThat(all.of("sub_2")).hasValueSatisfying(last -> {
			assertThat(last.stage()).isEqualTo(Stage.DELIVERED);
			assertThat(last.at()).isEqualTo(T0.plusSeconds(4));
			assertThat(last.alertId()).isEqualTo("msg_a_r1");
		});
	}

	@Test
	void deliveriesAreBatchedPerAlertAndChannelAndTheRestKeptAsTheyAre() {
		List<DeliveryOutcome> queued = new ArrayList<>();
		for (int i = 0; i < Outcomes.MAX_BATCH + 5; i++) {
			queued.add(outcome("msg_a_r1", Stage.DELIVERED, 1, "sub_" + i, i));
		}
		queued.add(outcome("msg_a_r1", Stage.RETRIED, 1, "sub_x", 1));
		queued.add(outcome("msg_b_r1", Stage.DELIVERED, 1, "sub_y", 2));
		queued.add(new DeliveryOutcome("msg_a_r1", Stage.DELIVERED, 1, "sub_z", "webpush", T0, null));
		queued.add(outcome("msg_a_r1", Stage.MATCHED, 9, null, 0));

		List<DeliveryOutcome> records = Outcomes.batched(queued);

		assertThat(records).extracting(DeliveryOutcome::alertId, DeliveryOutcome::stage, DeliveryOutcome::count,
				DeliveryOutcome::channel)
			.containsExactly(Tuple.tuple("msg_a_r1", Stage.DELIVERED, Outcomes.MAX_BATCH, "webhook"),
					Tuple.tuple("msg_a_r1", Stage.RETRIED, 1, "webhook"),
					Tuple.tuple("msg_a_r1", Stage.MATCHED, 9, "all"),
					Tuple.tuple("msg_a_r1", Stage.DELIVERED, 5, "webhook"),
					Tuple.tuple("msg_b_r1", Stage.DELIVERED, 1, "webhook"),
					Tuple.tuple("msg_a_r1", Stage.DELIVERED, 1, "webpush"));
		assertThat(records.get(0).bySubscriber()).hasSize(Outcomes.MAX_BATCH)
			.first()
			.isEqualTo(new DeliveryOutcome.Subscriber("sub_0", T0));
		assertThat(records.get(0).at()).isEqualTo(T0.plusSeconds(Outcomes.MAX_BATCH - 1));
		assertThat(records.get(4).subscriptionId()).as("a batch of one stays a single outcome").isEqualTo("sub_y");
		assertThat(records.stream().mapToInt(DeliveryOutcome::count).sum()).isEqualTo(Outcomes.MAX_BATCH + 5 + 1 + 1 + 1 + 9);
	}

	@Test
	void aSingleDeliveryAfterAFullBatchIsItsOwnSubscribers() {
		List<DeliveryOutcome> queued = new ArrayList<>();
		for (int i = 0; i <= Outcomes.MAX_BATCH; i++) {
			queued.add(outcome("msg_a_r1", Stage.DELIVERED, 1, "sub_" + i, i));
		}

		List<DeliveryOutcome> records = Outcomes.batched(queued);

		assertThat(records).hasSize(2);
		assertThat(records.get(1).subscriptionId()).isEqualTo("sub_" + Outcomes.MAX_BATCH);
		assertThat(records.get(1).at()).isEqualTo(T0.plusSeconds(Outcomes.MAX_BATCH));
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

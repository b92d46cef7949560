package news.flashwire.push.delivery;

import java.util.concurrent.CompletableFuture;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.push.audit.DeliveryOutcome.Stage;
import news.flashwire.push.audit.Outcomes;

/**
 * Makes a delivery's first attempt at once, from the fan-out, without a record on the deliveries topic: most
 * deliveries succeed, and they cost no Kafka round trip. Only what fails is written to Kafka: a delivery worth retrying
 * (a {@link DeliveryFailure}, or anything unexpected) to the deliveries topic, whose listener retries it at once and
 * then on the schedule; one that no retry can fix
 * straight to the dead letters (whose handler records it and disables the webhook). Completes once the delivery was
 * made or Kafka has acknowledged it, so the fan-out's done-marker still means "nothing of it can be lost".
 */
@Component
public class FirstAttempt {

	private final DeliveryAttempt attempt;

	private final KafkaTemplate<String, Object> kafka;

	private final Outcomes outcomes;

	FirstAttempt(DeliveryAttempt attempt, KafkaTemplate<String, Object> kafka, Outcomes outcomes) {
		this.attempt = attempt;
		this.kafka = kafka;
		this.outcomes = outcomes;
	}

	/** {@code done} is called exactly once: with nothing once delivered or handed to Kafka, else with the failure. */
	public void deliver(Delivery delivery, Completion done) {
		attempt.attempt(delivery, failure -> {
			if (failure == null) {
				done.completed(null);
				return;
			}
			CompletableFuture<?> handedOver;
			try {
				handedOver = failure instanceof PermanentDeliveryFailure permanent ? deadLetter(delivery, permanent)
						: retryLater(delivery, failure);
			}
			catch (RuntimeException ex) {
				done.completed(ex);
				return;
			}
			handedOver.whenComplete((sent, ex) -> done.completed(ex));
		});
	}

	private CompletableFuture<?> retryLater(Delivery delivery, Throwable failure) {
		outcomes.record(delivery.id(), Stage.RETRIED, 1, delivery.subscriptionId(), delivery.channel(),
				failure.getMessage());
		return kafka.send(Topics.DELIVERIES, delivery.subscriptionId(), delivery);
	}

	private CompletableFuture<?> deadLetter(Delivery delivery, PermanentDeliveryFailure failure) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.deadLetters(Topics.DELIVERIES),
				delivery.subscriptionId(), delivery);
		FailureHeaders.of(failure, false).forEach(record.headers()::add);
		return kafka.send(record);
	}
}

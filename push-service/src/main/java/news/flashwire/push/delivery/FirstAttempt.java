package news.flashwire.push.delivery;

import java.nio.charset.StandardCharsets;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.KafkaHeaders;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.push.audit.DeliveryOutcome.Stage;
import news.flashwire.push.audit.Outcomes;
import reactor.core.publisher.Mono;

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

	public Mono<Void> deliver(Delivery delivery) {
		return attempt.attempt(delivery)
			.onErrorResume(failure -> failure instanceof PermanentDeliveryFailure permanent ? deadLetter(delivery, permanent)
					: retryLater(delivery, failure));
	}

	private Mono<Void> retryLater(Delivery delivery, Throwable failure) {
		outcomes.record(delivery.id(), Stage.RETRIED, 1, delivery.subscriptionId(), delivery.channel(),
				failure.getMessage());
		return Mono.fromFuture(() -> kafka.send(Topics.DELIVERIES, delivery.subscriptionId(), delivery)).then();
	}

	private Mono<Void> deadLetter(Delivery delivery, PermanentDeliveryFailure failure) {
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.deadLetters(Topics.DELIVERIES),
				delivery.subscriptionId(), delivery);
		record.headers()
			.add(KafkaHeaders.DLT_EXCEPTION_MESSAGE,
					String.valueOf(failure.getMessage()).getBytes(StandardCharsets.UTF_8));
		return Mono.fromFuture(() -> kafka.send(record)).then();
	}
}

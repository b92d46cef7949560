package news.flashwire.push.delivery;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.kafka.annotation.BackOff;
import org.springframework.kafka.annotation.DltHandler;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.RetryableTopic;
import org.springframework.kafka.retrytopic.SameIntervalTopicReuseStrategy;
import org.springframework.kafka.retrytopic.TopicSuffixingStrategy;
import org.springframework.messaging.handler.annotation.Header;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.push.audit.DeliveryOutcome.Stage;
import news.flashwire.push.audit.Outcomes;

/**
 * Delivers the records of the deliveries topic (consumer group {@code push-deliveries}): the deliveries whose first
 * attempt, made by the fan-out, failed, and redelivered dead letters. Many at a time, up to {@code max-in-flight}; past
 * that the listener waits, so a slow host slows consumption instead of failing deliveries. An offset is committed only
 * once its delivery succeeded or was handed to a retry topic or the dead letters, so an instance that dies
 * mid-delivery leaves its work to the next owner. Retries go through retry topics on an exponential schedule with
 * jitter (immediately, then {@code first-retry} times {@code multiplier}^n up to {@code max-retry}).
 */
@Component
class DeliveryListener {

	private static final Logger log = LoggerFactory.getLogger(DeliveryListener.class);

	private static final String DURATION = "T(org.springframework.boot.convert.DurationStyle).detectAndParse";

	private final DeliveryAttempt attempt;

	private final Outcomes outcomes;

	private final ApplicationEventPublisher events;

	private final Semaphore inFlight;

	DeliveryListener(DeliveryAttempt attempt, Outcomes outcomes, ApplicationEventPublisher events,
			DeliverySettings settings) {
		this.attempt = attempt;
		this.outcomes = outcomes;
		this.events = events;
		this.inFlight = new Semaphore(settings.maxInFlight());
	}

	@RetryableTopic(attempts = "${flashwire.push.delivery.attempts:7}",
			backOff = @BackOff(delayString = "#{" + DURATION + "('${flashwire.push.delivery.first-retry:5s}').toMillis()}",
					multiplierString = "${flashwire.push.delivery.multiplier:6}",
					maxDelayString = "#{" + DURATION + "('${flashwire.push.delivery.max-retry:2h}').toMillis()}",
					jitterString = "#{" + DURATION + "('${flashwire.push.delivery.first-retry:5s}').toMillis() / 2}"),
			kafkaTemplate = "kafkaTemplate", numPartitions = "${flashwire.topics.partitions}",
			replicationFactor = "${flashwire.topics.replicas}",
			topicSuffixingStrategy = TopicSuffixingStrategy.SUFFIX_WITH_INDEX_VALUE,
			// A topic per retry: with jitter, delays capped at max-retry may or may not come out equal, and a reused
			// topic among them that is not the last one fails the start.
			sameIntervalTopicReuseStrategy = SameIntervalTopicReuseStrategy.MULTIPLE_TOPICS,
			exclude = PermanentDeliveryFailure.class, traversingCauses = "true")
	@KafkaListener(id = "push-deliveries", groupId = "push-deliveries", topics = Topics.DELIVERIES,
			properties = "spring.deserializer.value.delegate.class=news.flashwire.push.delivery.DeliveryDeserializer")
	CompletableFuture<Void> deliver(Delivery delivery) {
		// Waiting here is the backpressure: the consumer polls no further while this many are in flight.
		inFlight.acquireUninterruptibly();
		try {
			return attempt.attempt(delivery)
				.doOnError(DeliveryFailure.class,
						ex -> outcomes.record(delivery.id(), Stage.RETRIED, 1, delivery.subscriptionId(),
								delivery.channel(), ex.getMessage()))
				.doFinally(signal -> inFlight.release())
				.toFuture();
		}
		catch (RuntimeException ex) {
			inFlight.release();
			return CompletableFuture.failedFuture(ex);
		}
	}

	@DltHandler
	void dead(Delivery delivery, @Header(name = FailureHeaders.REASON, required = false) byte @Nullable [] reason,
			@Header(name = FailureHeaders.EXPIRED, required = false) byte @Nullable [] expiredHeader,
			@Header(name = FailureHeaders.AFTER_FAILURES, required = false) byte @Nullable [] afterFailures) {
		String why = FailureHeaders.reason(reason);
		boolean expired = FailureHeaders.isTrue(expiredHeader);
		log.warn("Dead letter: {} to {} ({})", delivery.id(), delivery.subscriptionId(), why);
		outcomes.record(delivery.id(), expired ? Stage.EXPIRED : Stage.FAILED, 1, delivery.subscriptionId(),
				delivery.channel(), why);
		// An alert that expired before any attempt is no fault of the receiver; one that expired while the receiver
		// kept failing is (the retry schedule outlasts the TTL, so that is how a failing endpoint runs out of retries).
		if (delivery.webhook() != null && (!expired || FailureHeaders.isTrue(afterFailures))) {
			events.publishEvent(new EndpointFailing(delivery.subscriptionId(),
					expired ? "failed until the alert expired" : why));
		}
	}
}

package news.flashwire.push.audit;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;

/**
 * Every instance reads every outcome (all partitions, no group) of the last day, so any instance answers for any
 * alert and any subscription.
 */
@Component
class AlertAuditListener implements ConsumerSeekAware {

	private static final Duration HISTORY = Duration.ofDays(1);

	private final AlertAudit audit;

	private final LastOutcomes lastOutcomes;

	AlertAuditListener(AlertAudit audit, LastOutcomes lastOutcomes) {
		this.audit = audit;
		this.lastOutcomes = lastOutcomes;
	}

	@KafkaListener(id = "push-audit", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Topics.DELIVERY_OUTCOMES,
					partitions = "#{'0-' + (${flashwire.topics.partitions} - 1)}"),
			properties = "spring.deserializer.value.delegate.class=news.flashwire.push.audit.DeliveryOutcomeDeserializer")
	void on(DeliveryOutcome outcome) {
		audit.add(outcome);
		lastOutcomes.add(outcome);
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), System.currentTimeMillis() - HISTORY.toMillis());
	}
}

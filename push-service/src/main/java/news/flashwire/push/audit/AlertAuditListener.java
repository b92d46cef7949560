package news.flashwire.push.audit;

import java.time.Duration;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

import news.flashwire.common.event.Topics;

/**
 * Every instance reads every outcome (all partitions, no group) of the last day, so any instance answers for any
 * alert.
 */
@RestController
class AlertAuditListener implements ConsumerSeekAware {

	private static final Duration HISTORY = Duration.ofDays(1);

	private final AlertAudit audit = new AlertAudit();

	@KafkaListener(id = "push-audit", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Topics.DELIVERY_OUTCOMES,
					partitions = "#{'0-' + (${flashwire.topics.partitions} - 1)}"),
			properties = "spring.deserializer.value.delegate.class=news.flashwire.push.audit.DeliveryOutcomeDeserializer")
	void on(DeliveryOutcome outcome) {
		audit.add(outcome);
	}

	@GetMapping("/v1/alerts/{id}/deliveries")
	AlertDeliveries deliveries(@PathVariable String id) {
		return audit.of(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no deliveries recorded for " + id));
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), System.currentTimeMillis() - HISTORY.toMillis());
	}
}

package news.flashwire.push.alert;

import java.util.List;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.Topics;
import news.flashwire.push.delivery.webhook.WebhookSender;
import news.flashwire.push.subscription.Subscription;
import news.flashwire.push.subscription.SubscriptionStore;
import reactor.core.publisher.Flux;

/**
 * Every push instance reads every alert (all partitions, no consumer group) and delivers it to the matching
 * subscribers it owns; together the instances reach every subscriber once. An instance starts with the alerts
 * issued since it started, whenever its consumer first polls.
 */
@Component
class AlertListener implements ConsumerSeekAware {

	private static final Logger log = LoggerFactory.getLogger(AlertListener.class);

	private static final int CONCURRENT_DELIVERIES = 64;

	private final long startedAt = System.currentTimeMillis();

	private final SubscriptionStore subscriptions;

	private final WebhookSender webhooks;

	AlertListener(SubscriptionStore subscriptions, WebhookSender webhooks) {
		this.subscriptions = subscriptions;
		this.webhooks = webhooks;
	}

	@KafkaListener(id = "push-alerts", idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Topics.ALERTS,
					partitions = "#{'0-' + (${flashwire.topics.partitions} - 1)}"),
			properties = { "spring.deserializer.value.delegate.class=news.flashwire.common.alert.AlertDeserializer",
					"auto.offset.reset=latest" })
	void on(Alert alert) {
		List<Subscription> matching = subscriptions.matching(alert);
		log.info("Alert {} for story {} matches {} subscribers here", alert.kind(), alert.storyId(), matching.size());
		Flux.fromIterable(matching)
			.flatMap(subscription -> webhooks.send(alert, endpointOf(subscription)), CONCURRENT_DELIVERIES)
			.subscribe();
	}

	private static WebhookSender.Endpoint endpointOf(Subscription subscription) {
		return new WebhookSender.Endpoint(subscription.id(), subscription.url(), subscription.secret());
	}

	@Override
	public void onPartitionsAssigned(Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
		callback.seekToTimestamp(assignments.keySet(), startedAt);
	}
}

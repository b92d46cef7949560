package news.flashwire.push.delivery;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.push.system.RawConsumers;

/**
 * The dead letters of the deliveries topic, keyed like it by subscription id (so one subscription's are all in one
 * partition). Redelivering puts the dead letters of the last {@code redelivery-window} back on the deliveries topic,
 * each delivery once (its latest dead letter) with a fresh TTL; older ones stay where they are, so a redelivery never
 * sends weeks-old alerts. Receivers drop what they already have by webhook-id.
 */
@Component
public class DeadLetters {

	private final ConsumerFactory<?, ?> consumers;

	private final KafkaTemplate<String, Object> kafka;

	private final DeliverySettings settings;

	private final DeliveryDeserializer deserializer = new DeliveryDeserializer();

	DeadLetters(ConsumerFactory<?, ?> consumers, KafkaTemplate<String, Object> kafka, DeliverySettings settings) {
		this.consumers = consumers;
		this.kafka = kafka;
		this.settings = settings;
	}

	/** Puts the subscription's recent dead letters back to work; answers how many, once Kafka has them. */
	public int redeliver(String subscriptionId) {
		List<Delivery> dead = read(subscriptionId);
		Instant expiresAt = Instant.now().plus(settings.ttl());
		dead.stream()
			.map(d -> new Delivery(d.id(), d.subscriptionId(), d.alert(), d.webhook(), d.webPush(), expiresAt))
			.map(d -> kafka.send(Topics.DELIVERIES, d.subscriptionId(), d))
			.toList()
			.forEach(java.util.concurrent.CompletableFuture::join);
		return dead.size();
	}

	private List<Delivery> read(String subscriptionId) {
		String topic = Topics.deadLetters(Topics.DELIVERIES);
		Map<String, Delivery> found = new LinkedHashMap<>();
		long since = Instant.now().minus(settings.redeliveryWindow()).toEpochMilli();
		try (Consumer<?, ?> consumer = RawConsumers.create(consumers, "push-dead-letters")) {
			int partitions = consumer.partitionsFor(topic).size();
			TopicPartition partition = new TopicPartition(topic,
					Utils.toPositive(Utils.murmur2(subscriptionId.getBytes(StandardCharsets.UTF_8))) % partitions);
			consumer.assign(List.of(partition));
			OffsetAndTimestamp first = consumer.offsetsForTimes(Map.of(partition, since)).get(partition);
			if (first == null) {
				return List.of();
			}
			consumer.seek(partition, first.offset());
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			long deadline = System.nanoTime() + Duration.ofSeconds(15).toNanos();
			while (consumer.position(partition) < end && System.nanoTime() < deadline) {
				for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
					if (subscriptionId.equals(record.key()) && record.value() != null && record.timestamp() >= since) {
						Delivery dead = deserializer.deserialize(topic, (byte[]) record.value());
						found.remove(dead.id());
						found.put(dead.id(), dead);
					}
				}
			}
		}
		return List.copyOf(found.values());
	}
}

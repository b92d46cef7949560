package news.flashwire.push.alert;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.alert.AlertDeserializer;
import news.flashwire.common.event.Topics;
import news.flashwire.push.subscription.SubscriptionsLoaded;
import news.flashwire.push.system.RawConsumers;
import reactor.core.scheduler.Schedulers;

/**
 * When this instance has loaded a subscriptions partition (at start, or taken over from an instance that left or
 * died), it fans out to that partition every alert of the recovery window that has no done-marker for it.
 */
@Component
class FanOutRecovery {

	private static final Logger log = LoggerFactory.getLogger(FanOutRecovery.class);

	private final ConsumerFactory<?, ?> consumers;

	private final FanOut fanOut;

	private final FanOutSettings settings;

	private final AlertDeserializer alerts = new AlertDeserializer();

	FanOutRecovery(ConsumerFactory<?, ?> consumers, FanOut fanOut, FanOutSettings settings) {
		this.consumers = consumers;
		this.fanOut = fanOut;
		this.settings = settings;
	}

	@EventListener
	void on(SubscriptionsLoaded loaded) {
		Schedulers.boundedElastic().schedule(() -> recover(loaded.partition()));
	}

	void recover(int partition) {
		long since = System.currentTimeMillis() - settings.recoveryWindow().toMillis();
		try (Consumer<?, ?> consumer = RawConsumers.create(consumers, "push-fanout-recovery")) {
			Set<String> done = new HashSet<>();
			read(consumer, List.of(new TopicPartition(Topics.FANOUT, partition)), since)
				.forEach(record -> done.add(String.valueOf(record.key())));
			List<TopicPartition> alertPartitions = consumer.partitionsFor(Topics.ALERTS)
				.stream()
				.map(info -> new TopicPartition(Topics.ALERTS, info.partition()))
				.toList();
			int recovered = 0;
			for (ConsumerRecord<?, ?> record : read(consumer, alertPartitions, since)) {
				Alert alert = record.value() == null ? null : alerts.deserialize(Topics.ALERTS, (byte[]) record.value());
				if (alert != null && !done.contains(alert.deliveryId())) {
					fanOut.expand(alert, partition);
					recovered++;
				}
			}
			if (recovered > 0) {
				log.info("Recovered the fan-out of {} alerts to subscriptions partition {}", recovered, partition);
			}
		}
		catch (RuntimeException ex) {
			log.warn("Fan-out recovery of partition {} failed: {}", partition, ex.toString());
		}
	}

	private static List<ConsumerRecord<?, ?>> read(Consumer<?, ?> consumer, List<TopicPartition> partitions, long since) {
		consumer.assign(partitions);
		Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
		Map<TopicPartition, Long> query = partitions.stream().collect(Collectors.toMap(p -> p, p -> since));
		Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(query);
		partitions.forEach(p -> consumer.seek(p, starts.get(p) != null ? starts.get(p).offset() : ends.get(p)));
		List<ConsumerRecord<?, ?>> records = new ArrayList<>();
		long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
		while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p)) && System.nanoTime() < deadline) {
			consumer.poll(Duration.ofMillis(200)).forEach(records::add);
		}
		return records;
	}
}

package news.flashwire.push.audit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.flashwire.common.event.Topics;

/**
 * Records delivery outcomes: as metrics ({@code flashwire.push.deliveries} by stage and channel) and on the outcomes
 * topic, from which every instance builds the per-alert audit and each subscription's last outcome. Recording never
 * fails nor holds up a delivery: outcomes wait in a bounded queue that one thread hands to Kafka (callers include event
 * loops and producer callbacks, where a send must not wait for metadata); when Kafka cannot keep up and the queue is
 * full, outcomes are dropped from the topic (not from the metrics) and counted in
 * {@code flashwire.push.outcomes.dropped}. The deliveries that went well, nearly all of a fan-out, are written as one
 * record per alert and channel for what the queue holds at once (up to {@value #MAX_BATCH} subscriptions, each with
 * its own time), not one each; the rest, which carry a reason, one each.
 */
@Component
public class Outcomes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

	private static final int QUEUE = 200_000;

	static final int MAX_BATCH = 2_000;

	private static final int MAX_DRAIN = 16_384;

	/** How long the sender lets outcomes gather after the first: more in each batch, the audit a moment later. */
	private static final long LINGER_MILLIS = 20;

	private final KafkaTemplate<String, Object> kafka;

	private final MeterRegistry meters;

	// By stage, then channel: no key to build per delivery.
	private final Map<DeliveryOutcome.Stage, Map<String, Counter>> counters = new ConcurrentHashMap<>();

	private final BlockingQueue<DeliveryOutcome> queue = new ArrayBlockingQueue<>(QUEUE);

	private final AtomicLong dropped = new AtomicLong();

	private final Thread sender;

	private volatile boolean closing;

	Outcomes(KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
		// The same producer, without a span per outcome: one is recorded per delivery, and its listener is not traced.
		this.kafka = new KafkaTemplate<>(kafka.getProducerFactory());
		this.meters = meters;
		meters.gauge("flashwire.push.outcomes.dropped", dropped);
		this.sender = new Thread(this::sendQueued, "push-outcomes");
		this.sender.setDaemon(true);
		this.sender.start();
	}

	public void record(String alertId, DeliveryOutcome.Stage stage, int count, @Nullable String subscriptionId,
			String channel, @Nullable String detail) {
		if (count <= 0) {
			return;
		}
		counters.computeIfAbsent(stage, key -> new ConcurrentHashMap<>())
			.computeIfAbsent(channel, key -> meters.counter("flashwire.push.deliveries", "stage",
					stage.name().toLowerCase(Locale.ROOT), "channel", channel))
			.increment(count);
		if (!queue.offer(new DeliveryOutcome(alertId, stage, count, subscriptionId, channel, Instant.now(), detail))
				&& dropped.incrementAndGet() % 10_000 == 1) {
			log.warn("Outcomes are recorded faster than Kafka takes them; {} dropped from the outcomes topic so far",
					dropped.get());
		}
	}

	private void sendQueued() {
		List<DeliveryOutcome> batch = new ArrayList<>(1024);
		while (!closing || !queue.isEmpty()) {
			try {
				DeliveryOutcome first = queue.poll(200, TimeUnit.MILLISECONDS);
				if (first == null) {
					continue;
				}
				if (!closing) {
					Thread.sleep(LINGER_MILLIS);
				}
				batch.add(first);
				queue.drainTo(batch, MAX_DRAIN - 1);
				for (DeliveryOutcome outcome : batched(batch)) {
					kafka.send(Topics.DELIVERY_OUTCOMES, outcome.alertId(), outcome).whenComplete((sent, ex) -> {
						if (ex != null) {
							log.warn("Could not record outcome {} of {}: {}", outcome.stage(), outcome.alertId(),
									ex.toString());
						}
					});
				}
			}
			catch (InterruptedException ex) {
				return;
			}
			catch (RuntimeException ex) {
				log.warn("Could not record {} outcomes: {}", batch.size(), ex.toString());
			}
			finally {
				batch.clear();
			}
		}
	}

	/**
	 * The outcomes as records: each alert's single-subscription deliveries without a reason merged into batches (in
	 * the order their first appeared, up to {@value #MAX_BATCH} each), everything else as it is.
	 */
	static List<DeliveryOutcome> batched(List<DeliveryOutcome> outcomes) {
		List<DeliveryOutcome> records = new ArrayList<>();
		Map<String, List<DeliveryOutcome.Subscriber>> open = new LinkedHashMap<>();
		Map<String, DeliveryOutcome> firstOf = new HashMap<>();
		for (DeliveryOutcome outcome : outcomes) {
			if (outcome.stage() != DeliveryOutcome.Stage.DELIVERED || outcome.subscriptionId() == null
					|| outcome.subscribers() != null || outcome.detail() != null) {
				records.add(outcome);
				continue;
			}
			String key = outcome.alertId() + " " + outcome.channel();
			List<DeliveryOutcome.Subscriber> subscribers = open.computeIfAbsent(key, k -> new ArrayList<>());
			firstOf.putIfAbsent(key, outcome);
			subscribers.add(new DeliveryOutcome.Subscriber(outcome.subscriptionId(), outcome.at()));
			if (subscribers.size() == MAX_BATCH) {
				records.add(batchOf(firstOf.remove(key), open.remove(key)));
			}
		}
		open.forEach((key, subscribers) -> records.add(batchOf(firstOf.get(key), subscribers)));
		return records;
	}

	private static DeliveryOutcome batchOf(DeliveryOutcome first, List<DeliveryOutcome.Subscriber> subscribers) {
		if (subscribers.size() == 1) {
			return first;
		}
		Instant last = subscribers.get(0).at();
		for (DeliveryOutcome.Subscriber subscriber : subscribers) {
			if (subscriber.at().isAfter(last)) {
				last = subscriber.at();
			}
		}
		return new DeliveryOutcome(first.alertId(), first.stage(), subscribers.size(), null, first.channel(), last, null,
				subscribers);
	}

	@Override
	public void destroy() throws InterruptedException {
		closing = true;
		sender.join(5_000);
	}
}

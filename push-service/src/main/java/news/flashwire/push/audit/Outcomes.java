package news.flashwire.push.audit;

import java.time.Instant;
import java.util.ArrayList;
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
 * topic, from which every instance builds the per-alert audit. Recording never fails nor holds up a delivery: outcomes
 * wait in a bounded queue that one thread hands to Kafka (callers include event loops and producer callbacks, where a
 * send must not wait for metadata); when Kafka cannot keep up and the queue is full, outcomes are dropped from the
 * topic (not from the metrics) and counted in {@code flashwire.push.outcomes.dropped}.
 */
@Component
public class Outcomes implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

	private static final int QUEUE = 200_000;

	private final KafkaTemplate<String, Object> kafka;

	private final MeterRegistry meters;

	private final Map<String, Counter> counters = new ConcurrentHashMap<>();

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
		counters.computeIfAbsent(stage.name() + " " + channel,
				key -> meters.counter("flashwire.push.deliveries", "stage", stage.name().toLowerCase(Locale.ROOT),
						"channel", channel))
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
				batch.add(first);
				queue.drainTo(batch, 1023);
				for (DeliveryOutcome outcome : batch) {
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

	@Override
	public void destroy() throws InterruptedException {
		closing = true;
		sender.join(5_000);
	}
}

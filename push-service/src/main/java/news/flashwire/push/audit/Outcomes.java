package news.flashwire.push.audit;

import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;
import news.flashwire.common.event.Topics;
import reactor.core.scheduler.Schedulers;

/**
 * Records delivery outcomes: as metrics ({@code flashwire.push.deliveries} by stage and channel) and on the outcomes
 * topic, from which every instance builds the per-alert audit. Recording never fails a delivery.
 */
@Component
public class Outcomes {

	private static final Logger log = LoggerFactory.getLogger(Outcomes.class);

	private final KafkaTemplate<String, Object> kafka;

	private final MeterRegistry meters;

	Outcomes(KafkaTemplate<String, Object> kafka, MeterRegistry meters) {
		this.kafka = kafka;
		this.meters = meters;
	}

	public void record(String alertId, DeliveryOutcome.Stage stage, int count, @Nullable String subscriptionId,
			String channel, @Nullable String detail) {
		if (count <= 0) {
			return;
		}
		meters.counter("flashwire.push.deliveries", "stage", stage.name().toLowerCase(), "channel", channel)
			.increment(count);
		DeliveryOutcome outcome = new DeliveryOutcome(alertId, stage, count, subscriptionId, channel, Instant.now(),
				detail);
		// Callers include event loops and producer callbacks, where a send must not wait for metadata.
		Schedulers.boundedElastic()
			.schedule(() -> kafka.send(Topics.DELIVERY_OUTCOMES, alertId, outcome).whenComplete((sent, ex) -> {
				if (ex != null) {
					log.warn("Could not record outcome {} of {}: {}", stage, alertId, ex.toString());
				}
			}));
	}
}

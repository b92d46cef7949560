package news.flashwire.ticker.headline;

import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.common.TopicPartition;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;

/** How many ticker changes this instance has yet to read, per partition, for Prometheus. */
@Component
class TopicLag {

	private final MeterRegistry registry;

	private final Map<TopicPartition, AtomicLong> lag = new ConcurrentHashMap<>();

	TopicLag(MeterRegistry registry) {
		this.registry = registry;
	}

	void observe(Consumer<?, ?> consumer, TopicPartition partition) {
		OptionalLong current = consumer.currentLag(partition);
		if (current.isPresent()) {
			lagOf(partition).set(current.getAsLong());
		}
	}

	long of(TopicPartition partition) {
		return lagOf(partition).get();
	}

	private AtomicLong lagOf(TopicPartition partition) {
		return lag.computeIfAbsent(partition, key -> {
			AtomicLong value = new AtomicLong();
			Gauge.builder("flashwire.ticker.lag", value, AtomicLong::get)
				.description("Ticker changes not yet read by this instance")
				.tag("partition", Integer.toString(key.partition()))
				.register(registry);
			return value;
		});
	}
}

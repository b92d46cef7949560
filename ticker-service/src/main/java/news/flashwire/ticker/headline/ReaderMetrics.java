package news.flashwire.ticker.headline;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import news.flashwire.common.story.Edition;

/** Connections, deliveries and dropped readers per edition, for Prometheus. */
@Component
class ReaderMetrics {

	private final MeterRegistry registry;

	private final Map<Edition, AtomicInteger> connections = new ConcurrentHashMap<>();

	ReaderMetrics(MeterRegistry registry) {
		this.registry = registry;
	}

	void connected(Edition edition) {
		connectionsOf(edition).incrementAndGet();
	}

	void disconnected(Edition edition) {
		connectionsOf(edition).decrementAndGet();
	}

	void sent(Edition edition, int readers) {
		counter("flashwire.ticker.events.sent", edition).increment(readers);
	}

	void dropped(Edition edition) {
		counter("flashwire.ticker.readers.dropped", edition).increment();
	}

	private AtomicInteger connectionsOf(Edition edition) {
		return connections.computeIfAbsent(edition, key -> registry.gauge("flashwire.ticker.connections",
				io.micrometer.core.instrument.Tags.of("edition", key.code()), new AtomicInteger()));
	}

	private Counter counter(String name, Edition edition) {
		return registry.counter(name, "edition", edition.code());
	}
}

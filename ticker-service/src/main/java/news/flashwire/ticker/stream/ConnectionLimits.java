package news.flashwire.ticker.stream;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

import org.springframework.stereotype.Component;

/** Counts open streams per instance and per client address, and refuses one past either limit. */
@Component
class ConnectionLimits {

	private final StreamSettings settings;

	private final AtomicInteger open = new AtomicInteger();

	private final Map<String, AtomicInteger> perClient = new ConcurrentHashMap<>();

	ConnectionLimits(StreamSettings settings) {
		this.settings = settings;
	}

	/** Takes a slot for {@code client}; run the answer once when the stream ends. */
	Runnable acquire(String client) {
		if (open.incrementAndGet() > settings.maxConnections()) {
			open.decrementAndGet();
			throw TooManyStreams.onThisInstance();
		}
		AtomicInteger mine = perClient.computeIfAbsent(client, key -> new AtomicInteger());
		if (mine.incrementAndGet() > settings.maxConnectionsPerClient()) {
			release(client, mine);
			throw TooManyStreams.fromThisClient();
		}
		return () -> release(client, mine);
	}

	int open() {
		return open.get();
	}

	private void release(String client, AtomicInteger mine) {
		open.decrementAndGet();
		if (mine.decrementAndGet() <= 0) {
			perClient.remove(client, mine);
		}
	}
}

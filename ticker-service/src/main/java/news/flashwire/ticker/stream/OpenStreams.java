package news.flashwire.ticker.stream;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * The streams open on this instance. Ends every one of them when the instance stops, before the web server's
 * graceful shutdown waits for requests to finish: browsers reconnect (after their jittered retry) with their last id,
 * to an instance that still runs. Streams asked for after that get a 503 at once.
 */
@Component
class OpenStreams implements SmartLifecycle {

	private final Set<SseConnection> open = ConcurrentHashMap.newKeySet();

	private volatile boolean running;

	private volatile boolean stopping;

	/** Refuses a new stream once the instance is stopping. */
	void admit() {
		if (stopping) {
			throw TooManyStreams.shuttingDown();
		}
	}

	void add(SseConnection connection) {
		open.add(connection);
		if (stopping) {
			connection.end();
		}
	}

	void remove(SseConnection connection) {
		open.remove(connection);
	}

	void forEach(Consumer<SseConnection> action) {
		open.forEach(action);
	}

	@Override
	public void start() {
		stopping = false;
		running = true;
	}

	@Override
	public void stop() {
		stopping = true;
		running = false;
		open.forEach(SseConnection::end);
	}

	@Override
	public boolean isRunning() {
		return running;
	}

	// Stops before the web server's graceful shutdown (a lower phase), which would otherwise wait for streams.
	@Override
	public int getPhase() {
		return SmartLifecycle.DEFAULT_PHASE;
	}
}

package news.flashwire.ticker.stream;

import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * Ends every open stream when the instance stops, before the web server's graceful shutdown waits for requests to
 * finish: browsers reconnect (after their jittered retry) with their last id, to an instance that still runs.
 * Streams asked for after that get a 503 at once.
 */
@Component
class OpenStreams implements SmartLifecycle {

	private final Sinks.One<Boolean> closing = Sinks.one();

	private volatile boolean running;

	private volatile boolean stopping;

	<T> Flux<T> untilShutdown(Flux<T> stream) {
		if (stopping) {
			throw TooManyStreams.shuttingDown();
		}
		return stream.takeUntilOther(closing.asMono());
	}

	@Override
	public void start() {
		running = true;
	}

	@Override
	public void stop() {
		stopping = true;
		running = false;
		closing.tryEmitValue(true);
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

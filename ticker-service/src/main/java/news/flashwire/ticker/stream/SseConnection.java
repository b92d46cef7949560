package news.flashwire.ticker.stream;

import java.util.concurrent.LinkedBlockingQueue;

import news.flashwire.ticker.headline.EditionReader;
import news.flashwire.ticker.headline.TickerEvent;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One open stream's queue of what is still to be written: events of the editions it reads and heartbeats. The queue
 * is bounded; when it is full the reader has fallen behind, and its stream ends with {@link StalledReader}.
 */
final class SseConnection implements EditionReader {

	static final Object HEARTBEAT = new Object();

	// Offers come from the editions' threads and the heartbeat, so they are serialized here rather than by the sink.
	private final Sinks.Many<Object> queue;

	private boolean wroteSinceHeartbeat;

	private boolean ended;

	SseConnection(int capacity) {
		// Linked, so an idle connection holds no array of its capacity.
		this.queue = Sinks.unsafe().many().unicast().onBackpressureBuffer(new LinkedBlockingQueue<>(capacity));
	}

	@Override
	public synchronized boolean offer(TickerEvent event) {
		return emit(event);
	}

	/** Sends a heartbeat comment unless something else was sent since the last one. */
	synchronized void heartbeat() {
		if (!wroteSinceHeartbeat) {
			emit(HEARTBEAT);
		}
		wroteSinceHeartbeat = false;
	}

	/** Ends the stream after what is queued: the instance is stopping. */
	synchronized void end() {
		if (!ended) {
			ended = true;
			queue.tryEmitComplete();
		}
	}

	Flux<Object> items() {
		return queue.asFlux();
	}

	private boolean emit(Object item) {
		if (ended) {
			return false;
		}
		if (queue.tryEmitNext(item).isSuccess()) {
			wroteSinceHeartbeat = true;
			return true;
		}
		ended = true;
		queue.tryEmitError(new StalledReader());
		return false;
	}
}

package news.flashwire.ticker.stream;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

import org.jspecify.annotations.Nullable;

import news.flashwire.ticker.headline.EditionReader;
import news.flashwire.ticker.headline.TickerEvent;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/**
 * One open stream's queue of what is still to be written: events of the editions it reads and heartbeats, then the
 * end of the stream, after what it starts with. Once the response has started the queue is drained by its
 * {@link Outlet}. The queue is bounded, and so is what the outlet holds unsent beyond the start: a reader that falls
 * behind is refused, its stream ends with {@link StalledReader} (after what was queued), and it resumes by
 * Last-Event-ID.
 */
final class SseConnection implements EditionReader {

	static final Object HEARTBEAT = new Object();

	/** Queued last when the stream ends because the instance stops. */
	static final Object END = new Object();

	/** Queued last when the stream ends because its reader fell behind. */
	static final Object STALLED = new Object();

	/** Where a connection's items go once the start of its stream is sent. */
	interface Outlet {

		/**
		 * False while the outlet holds more unsent than a reader that keeps up would leave, not counting what the
		 * stream started with: a large snapshot (or catch-up) still on its way is no sign of a slow reader.
		 */
		boolean isWritable();

		/** Something was queued on a connection whose queue was empty: drain it ({@link #drainTo}) soon. */
		void wake(SseConnection connection);
	}

	private final int capacity;

	// Offers come from the editions' threads and the heartbeat, so the queue is guarded by this connection.
	private final Deque<Object> queue = new ArrayDeque<>(2);

	private final Sinks.Empty<Void> ending = Sinks.empty();

	private @Nullable Outlet outlet;

	// What the stream starts with (retry hint, snapshot or missed events), ahead of the queue and not bounded by it.
	private @Nullable List<?> start;

	private boolean wroteSinceHeartbeat;

	private boolean ended;

	SseConnection(int capacity) {
		this.capacity = capacity;
	}

	@Override
	public synchronized boolean offer(TickerEvent event) {
		return add(event);
	}

	/** Sends a heartbeat comment unless something else was sent since the last one. */
	synchronized void heartbeat() {
		if (!wroteSinceHeartbeat) {
			add(HEARTBEAT);
		}
		wroteSinceHeartbeat = false;
	}

	/** Ends the stream after what is queued: the instance is stopping. */
	synchronized void end() {
		finish(END);
	}

	/** What the stream sends first, ahead of anything queued; before it {@linkplain #open opens}. */
	synchronized void startWith(List<?> items) {
		this.start = items;
	}

	/** The response has started: from now on {@code outlet} takes what is queued. */
	synchronized void open(Outlet outlet) {
		this.outlet = outlet;
		if (start != null || !queue.isEmpty()) {
			outlet.wake(this);
		}
	}

	/**
	 * Moves what is queued to {@code items}, in order; an {@link #END} or {@link #STALLED} comes last. Answers how
	 * many of them, from the first, are what the stream {@linkplain #startWith starts with}.
	 */
	synchronized int drainTo(List<Object> items) {
		int started = 0;
		if (start != null) {
			items.addAll(start);
			started = start.size();
			start = null;
		}
		for (Object item = queue.poll(); item != null; item = queue.poll()) {
			items.add(item);
		}
		return started;
	}

	/** Completes (or, for {@link #STALLED}, fails) {@link #ending()}, once everything before {@code end} is written. */
	void ended(Object end) {
		if (end == STALLED) {
			ending.tryEmitError(new StalledReader());
		}
		else {
			ending.tryEmitEmpty();
		}
	}

	/** Completes when the stream has ended and everything queued before is written. */
	Mono<Void> ending() {
		return ending.asMono();
	}

	static boolean isEnd(Object item) {
		return item == END || item == STALLED;
	}

	private boolean add(Object item) {
		if (ended) {
			return false;
		}
		if (queue.size() >= capacity || (outlet != null && !outlet.isWritable())) {
			finish(STALLED);
			return false;
		}
		queue.add(item);
		wroteSinceHeartbeat = true;
		wakeOutlet();
		return true;
	}

	private void finish(Object end) {
		if (!ended) {
			ended = true;
			queue.add(end);
			wakeOutlet();
		}
	}

	private void wakeOutlet() {
		// The queue was empty, so the outlet has not been woken since it last drained.
		if (outlet != null && queue.size() == 1) {
			outlet.wake(this);
		}
	}
}

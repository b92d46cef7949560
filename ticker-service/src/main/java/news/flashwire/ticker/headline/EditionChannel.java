package news.flashwire.ticker.headline;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Edition;
import news.flashwire.common.ticker.TickerChange;

/**
 * One edition's ticker with its readers. Changes and connects are serialized, so a reader gets its snapshot (or
 * the changes it missed) and then every later change, with no gap and no duplicate. Every reader gets the same
 * event instance of a change, so its wire form is made once. A reader that cannot take an event at once (its bounded
 * queue is full) is dropped, and nobody else waits for it.
 */
public class EditionChannel {

	private final Edition edition;

	private final EditionTicker ticker;

	private final TickerSettings settings;

	private final Deque<TickerEvent> history = new ArrayDeque<>();

	private final Set<EditionReader> readers = ConcurrentHashMap.newKeySet();

	private final ReaderMetrics metrics;

	private final Fanout fanout;

	private long position;

	private long resumableFrom;

	// The snapshot event of the current position, shared by the readers that connect until the next change.
	private @Nullable TickerEvent snapshot;

	EditionChannel(Edition edition, TickerSettings settings, ReaderMetrics metrics, Fanout fanout) {
		this.edition = edition;
		this.settings = settings;
		this.metrics = metrics;
		this.fanout = fanout;
		this.ticker = new EditionTicker(edition.code(), settings.maxHeadlines(), settings.maxAge());
	}

	/** Applies the change read at {@code offset} and sends what it changed to every reader. */
	synchronized void apply(TickerChange change, long offset) {
		position = offset + 1;
		snapshot = null;
		ticker.apply(change, position).ifPresent(this::publish);
	}

	/**
	 * Connects {@code reader}: answers what it gets first (a snapshot, or the changes missed after
	 * {@code lastEventId}), and offers it every later change until it is {@link #disconnect disconnected}.
	 */
	public synchronized List<TickerEvent> connect(@Nullable Long lastEventId, EditionReader reader) {
		List<TickerEvent> initial = catchUp(lastEventId);
		if (readers.add(reader)) {
			metrics.connected(edition);
		}
		return initial;
	}

	public void disconnect(EditionReader reader) {
		if (readers.remove(reader)) {
			metrics.disconnected(edition);
		}
	}

	public synchronized Snapshot snapshot() {
		return snapshot(false);
	}

	synchronized List<Headline> expired(Instant now) {
		return ticker.expired(now);
	}

	Edition edition() {
		return edition;
	}

	public String code() {
		return edition.code();
	}

	public synchronized long position() {
		return position;
	}

	private List<TickerEvent> catchUp(@Nullable Long lastEventId) {
		if (lastEventId == null) {
			if (snapshot == null) {
				snapshot = TickerEvent.of(snapshot(false));
			}
			return List.of(snapshot);
		}
		if (lastEventId < resumableFrom || lastEventId > position) {
			return List.of(TickerEvent.of(snapshot(true)));
		}
		List<TickerEvent> missed = new ArrayList<>();
		for (TickerEvent update : history) {
			if (update.position() > lastEventId) {
				missed.add(update);
			}
		}
		return missed;
	}

	private Snapshot snapshot(boolean reset) {
		return new Snapshot(edition.code(), edition.direction(), position, settings.maxHeadlines(), ticker.lines(),
				reset);
	}

	private void publish(TickerUpdate update) {
		TickerEvent event = TickerEvent.of(update);
		history.addLast(event);
		if (history.size() > settings.history()) {
			resumableFrom = history.removeFirst().position();
		}
		fanout.handOut(() -> offer(event));
	}

	private void offer(TickerEvent event) {
		int sent = 0;
		for (EditionReader reader : readers) {
			if (reader.offer(event)) {
				sent++;
			}
			else if (readers.remove(reader)) {
				metrics.disconnected(edition);
				metrics.dropped(edition);
			}
		}
		metrics.sent(edition, sent);
	}
}

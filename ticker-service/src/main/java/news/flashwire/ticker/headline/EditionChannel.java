package news.flashwire.ticker.headline;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Edition;
import news.flashwire.common.ticker.TickerChange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * One edition's ticker with its readers. Changes and connects are serialized, so a reader gets its snapshot (or
 * the changes it missed) and then every later change, with no gap and no duplicate. Each reader has a bounded queue:
 * one that stops reading is dropped, and nobody else waits for it.
 */
public class EditionChannel {

	private final Edition edition;

	private final EditionTicker ticker;

	private final TickerSettings settings;

	private final Deque<TickerUpdate> history = new ArrayDeque<>();

	private final Set<Sinks.Many<TickerEvent>> readers = ConcurrentHashMap.newKeySet();

	private final ReaderMetrics metrics;

	private long position;

	private long resumableFrom;

	EditionChannel(Edition edition, TickerSettings settings, ReaderMetrics metrics) {
		this.edition = edition;
		this.settings = settings;
		this.metrics = metrics;
		this.ticker = new EditionTicker(edition.code(), settings.maxHeadlines(), settings.maxAge());
	}

	/** Applies the change read at {@code offset} and sends what it changed to every reader. */
	synchronized void apply(TickerChange change, long offset) {
		position = offset + 1;
		ticker.apply(change, position).ifPresent(this::publish);
	}

	/** A reader's stream: a snapshot or the missed changes after {@code lastEventId}, then every change. */
	public synchronized Flux<TickerEvent> connect(@Nullable Long lastEventId) {
		Sinks.Many<TickerEvent> reader = Sinks.many().unicast()
			.onBackpressureBuffer(new ArrayBlockingQueue<>(settings.clientBuffer()));
		List<TickerEvent> initial = catchUp(lastEventId);
		readers.add(reader);
		metrics.connected(edition);
		return Flux.fromIterable(initial).concatWith(reader.asFlux()).doFinally(signal -> disconnect(reader));
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
			return List.of(TickerEvent.of(snapshot(false)));
		}
		if (lastEventId < resumableFrom || lastEventId > position) {
			return List.of(TickerEvent.of(snapshot(true)));
		}
		List<TickerEvent> missed = new ArrayList<>();
		for (TickerUpdate update : history) {
			if (update.position() > lastEventId) {
				missed.add(TickerEvent.of(update));
			}
		}
		return missed;
	}

	private Snapshot snapshot(boolean reset) {
		return new Snapshot(edition.code(), edition.direction(), position, settings.maxHeadlines(), ticker.lines(),
				reset);
	}

	private void publish(TickerUpdate update) {
		history.addLast(update);
		if (history.size() > settings.history()) {
			resumableFrom = history.removeFirst().position();
		}
		TickerEvent event = TickerEvent.of(update);
		for (Sinks.Many<TickerEvent> reader : readers) {
			if (reader.tryEmitNext(event).isFailure()) {
				reader.tryEmitError(new StalledReader(edition));
				readers.remove(reader);
				metrics.dropped(edition);
			}
		}
		metrics.sent(edition, readers.size());
	}

	private void disconnect(Sinks.Many<TickerEvent> reader) {
		readers.remove(reader);
		metrics.disconnected(edition);
	}
}

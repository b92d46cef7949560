package news.flashwire.ingest.feed;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import io.micrometer.core.instrument.MeterRegistry;

/**
 * What the pollers did, for operators: counters {@code flashwire.ingest.feed.polls{source,result}} (result
 * {@code changed}, {@code not-modified}, {@code failed}) and {@code flashwire.ingest.feed.items{source,status}}, and
 * the last poll, last success and last error of each source this instance polls, for the {@code feeds} health
 * details.
 */
@Component
class FeedActivity {

	private final MeterRegistry meters;

	private final Map<String, Status> statuses = new ConcurrentHashMap<>();

	FeedActivity(MeterRegistry meters) {
		this.meters = meters;
	}

	void polled(String source, boolean changed) {
		meters.counter("flashwire.ingest.feed.polls", "source", source, "result", changed ? "changed" : "not-modified")
			.increment();
		Instant now = Instant.now();
		statuses.compute(source, (name, known) -> orNew(known).succeeded(now));
	}

	void failed(String source, String reason) {
		meters.counter("flashwire.ingest.feed.polls", "source", source, "result", "failed").increment();
		Instant now = Instant.now();
		statuses.compute(source, (name, known) -> orNew(known).failed(now, reason));
	}

	void took(String source, String status) {
		meters.counter("flashwire.ingest.feed.items", "source", source, "status", status).increment();
		if ("published".equals(status)) {
			statuses.compute(source, (name, known) -> orNew(known).plusPublished());
		}
	}

	/** The source is polled elsewhere now: its report here would only grow stale. */
	void forget(String source) {
		statuses.remove(source);
	}

	Map<String, Status> statuses() {
		return new TreeMap<>(statuses);
	}

	private static Status orNew(@Nullable Status known) {
		return known != null ? known : new Status(null, null, null, null, 0, 0);
	}

	/** One source's last poll, last success, last error (and when), failures in a row, and stories published. */
	record Status(@Nullable Instant lastPoll, @Nullable Instant lastSuccess, @Nullable String lastError,
			@Nullable Instant lastErrorAt, int failuresInARow, long published) {

		Status succeeded(Instant at) {
			return new Status(at, at, lastError, lastErrorAt, 0, published);
		}

		Status failed(Instant at, String reason) {
			return new Status(at, lastSuccess, reason, at, failuresInARow + 1, published);
		}

		Status plusPublished() {
			return new Status(lastPoll, lastSuccess, lastError, lastErrorAt, failuresInARow, published + 1);
		}
	}
}

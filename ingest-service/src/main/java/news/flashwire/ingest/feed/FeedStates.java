package news.flashwire.ingest.feed;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * Every source's {@link FeedState}, rebuilt from the feed-state topic at start-up (see {@link FeedStateReplay}). A
 * state applies only when its sequence is newer than the known one, so reading back this instance's own writes, or
 * older records, never undoes a newer state.
 */
@Component
class FeedStates {

	private final Map<String, FeedState> states = new ConcurrentHashMap<>();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	FeedState of(String source) {
		return states.getOrDefault(source, FeedState.NONE);
	}

	void apply(String source, FeedState state) {
		states.merge(source, state, (known, read) -> read.sequence() > known.sequence() ? read : known);
	}

	int size() {
		return states.size();
	}

	boolean caughtUp() {
		return caughtUp.getCount() == 0;
	}

	void markCaughtUp() {
		caughtUp.countDown();
	}

	boolean awaitCaughtUp(Duration timeout) {
		try {
			return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}
}

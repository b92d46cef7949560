package news.flashwire.ingest.publish;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Serializes the work on one story within this instance: the decision against the ledger, the publication and the
 * ledger update happen under the locks of the story id and of its near-duplicate key. Striped, so memory stays fixed;
 * two keys are always locked in stripe order, so two requests never wait on each other in a circle.
 */
@Component
class StoryLocks {

	private static final int STRIPES = 256;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	StoryLocks() {
		Arrays.setAll(stripes, i -> new ReentrantLock());
	}

	<T> T withLocks(Object first, Object second, Supplier<T> work) {
		int a = stripe(first);
		int b = stripe(second);
		ReentrantLock low = stripes[Math.min(a, b)];
		ReentrantLock high = stripes[Math.max(a, b)];
		low.lock();
		high.lock();
		try {
			return work.get();
		}
		finally {
			high.unlock();
			low.unlock();
		}
	}

	private static int stripe(Object key) {
		return Math.floorMod(key.hashCode() * 0x9E3779B9, STRIPES);
	}
}

package news.flashwire.ingest.publish;

import java.util.Arrays;
import java.util.Collection;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

/**
 * Serializes the work on one story within this instance: the decision against the ledger, the publication and the
 * ledger update happen under the locks of the story id and of its near-duplicate key (for a batch, of every story in
 * it). Striped, so memory stays fixed; stripes are always locked in ascending order, so two requests never wait on
 * each other in a circle.
 */
@Component
class StoryLocks {

	private static final int STRIPES = 256;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	StoryLocks() {
		Arrays.setAll(stripes, i -> new ReentrantLock());
	}

	<T> T withLocks(Collection<?> keys, Supplier<T> work) {
		int[] order = keys.stream().mapToInt(StoryLocks::stripe).distinct().sorted().toArray();
		for (int stripe : order) {
			stripes[stripe].lock();
		}
		try {
			return work.get();
		}
		finally {
			for (int i = order.length - 1; i >= 0; i--) {
				stripes[order[i]].unlock();
			}
		}
	}

	private static int stripe(Object key) {
		return Math.floorMod(key.hashCode() * 0x9E3779B9, STRIPES);
	}
}

package news.flashwire.ingest.embargo;

import java.util.Arrays;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import news.flashwire.common.story.StoryId;

/** Serializes holding, canceling and releasing one story within this instance (striped, so memory stays fixed). */
@Component
class HoldLocks {

	private static final int STRIPES = 64;

	private final ReentrantLock[] stripes = new ReentrantLock[STRIPES];

	HoldLocks() {
		Arrays.setAll(stripes, i -> new ReentrantLock());
	}

	<T> T withLock(StoryId id, Supplier<T> work) {
		ReentrantLock lock = stripes[Math.floorMod(id.hashCode() * 0x9E3779B9, STRIPES)];
		lock.lock();
		try {
			return work.get();
		}
		finally {
			lock.unlock();
		}
	}
}

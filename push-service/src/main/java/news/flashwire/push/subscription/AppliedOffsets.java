package news.flashwire.push.subscription;

import java.time.Duration;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.springframework.stereotype.Component;

/**
 * How far this instance has applied each subscriptions-topic partition it owns to the {@link SubscriptionStore}: the
 * offset of the next record it will apply. A read that must see every acknowledged write waits until its partition
 * is applied up to the end the broker reports. Each assignment of a partition is a new epoch, so a read that spans a
 * revocation can tell that what it read may be incomplete.
 */
@Component
class AppliedOffsets {

	private final Map<Integer, Progress> partitions = new HashMap<>();

	private long epochs;

	synchronized void start(int partition, long offset) {
		partitions.put(partition, new Progress(++epochs, offset));
		notifyAll();
	}

	synchronized void applied(int partition, long offset) {
		Progress progress = partitions.get(partition);
		if (progress != null && offset >= progress.next) {
			progress.next = offset + 1;
			notifyAll();
		}
	}

	synchronized void forget(Collection<Integer> revoked) {
		revoked.forEach(partitions::remove);
		notifyAll();
	}

	synchronized boolean owns(int partition) {
		return partitions.containsKey(partition);
	}

	/**
	 * Waits until the partition is applied up to {@code end}; the epoch of the assignment that got there, or -1 when
	 * the partition is not (or no longer) owned here or the wait timed out.
	 */
	synchronized long awaitApplied(int partition, long end, Duration timeout) throws InterruptedException {
		long deadline = System.nanoTime() + timeout.toNanos();
		while (true) {
			Progress progress = partitions.get(partition);
			if (progress == null) {
				return -1;
			}
			if (progress.next >= end) {
				return progress.epoch;
			}
			long left = deadline - System.nanoTime();
			if (left <= 0) {
				return -1;
			}
			TimeUnit.NANOSECONDS.timedWait(this, left);
		}
	}

	/** Whether the partition is still owned in the assignment of that epoch. */
	synchronized boolean stillOwned(int partition, long epoch) {
		Progress progress = partitions.get(partition);
		return progress != null && progress.epoch == epoch;
	}

	private static final class Progress {

		private final long epoch;

		private long next;

		Progress(long epoch, long next) {
			this.epoch = epoch;
			this.next = next;
		}
	}
}

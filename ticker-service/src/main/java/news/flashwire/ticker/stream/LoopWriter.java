package news.flashwire.ticker.stream;

import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.atomic.AtomicBoolean;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.netty.util.concurrent.EventExecutor;
import io.netty.util.internal.PlatformDependent;

/**
 * Writes the queued items of the streams whose connections share one event loop, in one task on that loop for all
 * of them, rather than a task (and another for the flush) on every connection: a change that reaches ten thousand
 * readers costs each loop one task, and each connection a write and a flush. Within {@link #wakeAfter} the loops
 * are started once it is done, rather than as each stream is woken.
 */
final class LoopWriter implements Runnable {

	private static final Logger log = LoggerFactory.getLogger(LoopWriter.class);

	// The writers woken by this thread within wakeAfter, whose loops are still to be started.
	private static final ThreadLocal<List<LoopWriter>> held = new ThreadLocal<>();

	private final EventExecutor loop;

	// Outlets woken since the last run. The thread handing out a change wakes thousands of outlets while this loop
	// writes the first of them, so the queue takes them without a lock (a contended monitor there made the
	// handing-out thread wait for a loop that the scheduler had just set aside).
	private final Queue<ChannelOutlet> woken = PlatformDependent.newMpscQueue();

	private final AtomicBoolean scheduled = new AtomicBoolean();

	private final List<Object> items = new ArrayList<>();

	LoopWriter(EventExecutor loop) {
		this.loop = loop;
	}

	/**
	 * Runs {@code wakes} and then starts each loop it woke, once: a loop started at the first stream it was given
	 * could write that one and sleep again before the next, and be woken once per stream (the handing-out thread
	 * spent most of a change in those wake-ups, and every one is a switch of threads on a busy machine).
	 */
	static void wakeAfter(Runnable wakes) {
		if (held.get() != null) {
			wakes.run();
			return;
		}
		List<LoopWriter> writers = new ArrayList<>(4);
		held.set(writers);
		try {
			wakes.run();
		}
		finally {
			held.remove();
			for (LoopWriter writer : writers) {
				writer.loop.execute(writer);
			}
		}
	}

	void wake(ChannelOutlet outlet) {
		woken.offer(outlet);
		if (!scheduled.get() && scheduled.compareAndSet(false, true)) {
			List<LoopWriter> writers = held.get();
			if (writers != null) {
				writers.add(this);
			}
			else {
				loop.execute(this);
			}
		}
	}

	@Override
	public void run() {
		// Cleared before draining: an outlet woken from here on is either drained below or schedules another run.
		scheduled.set(false);
		for (ChannelOutlet outlet = woken.poll(); outlet != null; outlet = woken.poll()) {
			try {
				outlet.write(items);
			}
			catch (RuntimeException ex) {
				// One connection's failure must not leave the others woken and never written.
				log.warn("Writing a stream failed", ex);
			}
			finally {
				items.clear();
			}
		}
	}
}

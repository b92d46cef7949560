package news.flashwire.ticker.stream;

import java.util.ArrayList;
import java.util.List;

import io.netty.util.concurrent.EventExecutor;

/**
 * Writes the queued items of the streams whose connections share one event loop, in one task on that loop for all
 * of them, rather than a task (and another for the flush) on every connection: a change that reaches ten thousand
 * readers costs each loop one task, and each connection a write and a flush.
 */
final class LoopWriter implements Runnable {

	private final EventExecutor loop;

	// Outlets woken since the last run; swapped with the list being written, so a run allocates nothing.
	private List<ChannelOutlet> woken = new ArrayList<>();

	private List<ChannelOutlet> writing = new ArrayList<>();

	private final List<Object> items = new ArrayList<>();

	private boolean scheduled;

	LoopWriter(EventExecutor loop) {
		this.loop = loop;
	}

	void wake(ChannelOutlet outlet) {
		synchronized (this) {
			woken.add(outlet);
			if (scheduled) {
				return;
			}
			scheduled = true;
		}
		loop.execute(this);
	}

	@Override
	public void run() {
		List<ChannelOutlet> batch;
		synchronized (this) {
			batch = woken;
			woken = writing;
			writing = batch;
			scheduled = false;
		}
		try {
			for (ChannelOutlet outlet : batch) {
				outlet.write(items);
				items.clear();
			}
		}
		finally {
			items.clear();
			batch.clear();
		}
	}
}

package news.flashwire.ticker.headline;

/**
 * How a change reaches an edition's readers: the channel offers it to every reader within {@link #handOut}. What the
 * readers do to get it written may wait until all of them have it, so that a change wakes each writing thread once
 * rather than once per reader (each wake-up of a sleeping thread is a system call and a switch of threads, and on a
 * busy machine the woken thread may preempt the one still handing out).
 */
public interface Fanout {

	/** Readers act on each offer at once. */
	Fanout IMMEDIATE = Runnable::run;

	/** Runs {@code offers}; what they left to do is done once it returns. */
	void handOut(Runnable offers);
}

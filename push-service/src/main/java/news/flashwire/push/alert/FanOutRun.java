package news.flashwire.push.alert;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiConsumer;

import org.jspecify.annotations.Nullable;

import news.flashwire.push.delivery.Completion;
import news.flashwire.push.delivery.Delivery;
import news.flashwire.push.delivery.FirstAttempt;

/**
 * One fan-out's first attempts, host by host: up to {@code hostsAtOnce} hosts at a time, each through up to
 * {@code lanesPerHost} lanes that make its deliveries one after the other (so no more wait for a host's slots than it
 * has). Plain callbacks and counters, no Reactor operator per delivery. A lane whose delivery ends at once (refused,
 * expired) goes on in a loop rather than nesting. Completes when every delivery was made or handed to Kafka; if any
 * could not be, with the first such failure, once all the others have ended.
 */
final class FanOutRun {

	private final List<List<Delivery>> hosts;

	private final BiConsumer<Delivery, Completion> firstAttempt;

	private final int lanesPerHost;

	private final AtomicInteger nextHost = new AtomicInteger();

	private final AtomicInteger hostsLeft;

	private final AtomicReference<@Nullable Throwable> firstFailure = new AtomicReference<>();

	private final CompletableFuture<Void> done = new CompletableFuture<>();

	private FanOutRun(List<List<Delivery>> hosts, BiConsumer<Delivery, Completion> firstAttempt, int lanesPerHost) {
		this.hosts = hosts;
		this.firstAttempt = firstAttempt;
		this.lanesPerHost = lanesPerHost;
		this.hostsLeft = new AtomicInteger(hosts.size());
	}

	/** {@code firstAttempt} is {@link FirstAttempt#deliver}: it calls the completion exactly once per delivery. */
	static CompletableFuture<Void> start(List<List<Delivery>> hosts, BiConsumer<Delivery, Completion> firstAttempt,
			int hostsAtOnce, int lanesPerHost) {
		FanOutRun run = new FanOutRun(hosts, firstAttempt, lanesPerHost);
		if (hosts.isEmpty()) {
			run.done.complete(null);
		}
		for (int i = 0; i < Math.min(hostsAtOnce, hosts.size()); i++) {
			run.startNextHost();
		}
		return run.done;
	}

	private void startNextHost() {
		int index = nextHost.getAndIncrement();
		if (index < hosts.size()) {
			new HostRun(hosts.get(index)).start();
		}
	}

	private void hostEnded() {
		if (hostsLeft.decrementAndGet() == 0) {
			Throwable failure = firstFailure.get();
			if (failure == null) {
				done.complete(null);
			}
			else {
				done.completeExceptionally(failure);
			}
		}
		else {
			startNextHost();
		}
	}

	private final class HostRun {

		private final List<Delivery> deliveries;

		private final AtomicInteger next = new AtomicInteger();

		private final AtomicInteger lanesLeft;

		HostRun(List<Delivery> deliveries) {
			this.deliveries = deliveries;
			this.lanesLeft = new AtomicInteger(Math.min(lanesPerHost, deliveries.size()));
		}

		void start() {
			for (int lane = Math.min(lanesPerHost, deliveries.size()); lane > 0; lane--) {
				drive();
			}
		}

		/** Runs a lane: delivery after delivery, until the host has none left or one goes on asynchronously. */
		void drive() {
			while (true) {
				int index = next.getAndIncrement();
				if (index >= deliveries.size()) {
					if (lanesLeft.decrementAndGet() == 0) {
						hostEnded();
					}
					return;
				}
				Step step = new Step(this);
				try {
					firstAttempt.accept(deliveries.get(index), step);
				}
				catch (RuntimeException ex) {
					step.completed(ex);
				}
				if (!step.endedAtOnce()) {
					return;
				}
			}
		}
	}

	/** One delivery of a lane: whoever comes second, the caller or the callback, drives the lane on. */
	private final class Step implements Completion {

		private static final int RUNNING = 0;

		private static final int ENDED_AT_ONCE = 1;

		private static final int GOING_ON = 2;

		private static final int ENDED_LATER = 3;

		private final HostRun host;

		private final AtomicInteger state = new AtomicInteger(RUNNING);

		Step(HostRun host) {
			this.host = host;
		}

		@Override
		public void completed(@Nullable Throwable failure) {
			if (state.compareAndSet(RUNNING, ENDED_AT_ONCE) || state.compareAndSet(GOING_ON, ENDED_LATER)) {
				if (failure != null) {
					firstFailure.compareAndSet(null, failure);
				}
				if (state.get() == ENDED_LATER) {
					host.drive();
				}
			}
		}

		/** True when the delivery ended while it was started, so the caller's loop goes on; else its callback will. */
		boolean endedAtOnce() {
			return !state.compareAndSet(RUNNING, GOING_ON);
		}
	}
}

package news.flashwire.push.delivery;

import java.util.ArrayDeque;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;
import reactor.core.publisher.MonoSink;

/**
 * Bounded concurrency per destination host: at most {@code per-host-concurrency} calls to one host are in flight. A
 * delivery that finds them all taken waits in line (first come, first served) without holding a thread, and waiting
 * is not an attempt: only what the host answers counts. A hanging host holds only its own slots; its line moves as
 * its calls time out. How many wait at once is bounded by the callers (the fan-out's lanes per host, the deliveries
 * listener's in-flight limit). Two ways in: a plain callback (the fan-out's path, no Reactor operator per call) and a
 * {@link Mono} (the deliveries listener's).
 */
@Component
public class HostSlots {

	private final Map<String, Host> hosts = new ConcurrentHashMap<>();

	private final int perHost;

	HostSlots(DeliverySettings settings) {
		this.perHost = settings.perHostConcurrency();
	}

	public int perHost() {
		return perHost;
	}

	/**
	 * Runs the call once a slot of the host is free (at once, on this thread, when one is). The call gets the slot's
	 * release and must run it exactly once, when it ends.
	 */
	public void withSlot(String host, Consumer<Runnable> call) {
		hosts.computeIfAbsent(host, key -> new Host(perHost)).acquire(new CallWaiter(call));
	}

	/** Runs the call once a slot of the host is free, and frees the slot when the call ends (or is cancelled). */
	public <T> Mono<T> withSlot(String host, Supplier<Mono<T>> call) {
		return Mono.defer(() -> {
			Host slots = hosts.computeIfAbsent(host, key -> new Host(perHost));
			return Mono.usingWhen(slots.acquire(), slot -> call.get(), Slot::release, (slot, error) -> slot.release(),
					Slot::release);
		});
	}

	/** Calls in flight to the host plus calls waiting for it. */
	int busy(String host) {
		Host slots = hosts.get(host);
		return slots == null ? 0 : slots.busy();
	}

	private static final class Host {

		private final int capacity;

		private int taken;

		private final Queue<Waiter> line = new ArrayDeque<>();

		Host(int capacity) {
			this.capacity = capacity;
		}

		Mono<Slot> acquire() {
			return Mono.create(sink -> {
				SinkWaiter waiter = new SinkWaiter(sink);
				sink.onCancel(() -> {
					if (!waiter.state.compareAndSet(SinkWaiter.WAITING, SinkWaiter.CANCELLED)) {
						// Granted as it was cancelled: the slot never reached the caller, so hand it on.
						release();
					}
				});
				acquire(waiter);
			});
		}

		void acquire(Waiter waiter) {
			boolean granted;
			synchronized (this) {
				granted = taken < capacity && waiter.grant();
				if (granted) {
					taken++;
				}
				else if (waiter.waiting()) {
					line.add(waiter);
				}
			}
			if (granted) {
				waiter.start(this);
			}
		}

		void release() {
			while (true) {
				Waiter next;
				synchronized (this) {
					next = line.poll();
					if (next == null) {
						taken--;
						return;
					}
				}
				// The slot passes straight to the next in line (taken stays the same), unless it gave up waiting.
				if (next.grant()) {
					Waiter granted = next;
					Trampoline.run(() -> granted.start(this));
					return;
				}
			}
		}

		synchronized int busy() {
			return taken + line.size();
		}
	}

	/** Someone in line for a slot. */
	private interface Waiter {

		/** Takes the slot it is offered, unless it gave up waiting. */
		boolean grant();

		boolean waiting();

		void start(Host host);
	}

	/** A callback in line: it never gives up, and its release frees the slot once. */
	private static final class CallWaiter implements Waiter, Runnable {

		private final Consumer<Runnable> call;

		private volatile boolean released;

		private Host host;

		CallWaiter(Consumer<Runnable> call) {
			this.call = call;
		}

		@Override
		public boolean grant() {
			return true;
		}

		@Override
		public boolean waiting() {
			return true;
		}

		@Override
		public void start(Host granted) {
			this.host = granted;
			call.accept(this);
		}

		@Override
		public void run() {
			if (!released) {
				released = true;
				host.release();
			}
		}
	}

	/** A {@link Mono} subscriber in line, which may cancel while it waits. */
	private record SinkWaiter(MonoSink<Slot> sink, AtomicInteger state) implements Waiter {

		static final int WAITING = 0;

		static final int GRANTED = 1;

		static final int CANCELLED = 2;

		SinkWaiter(MonoSink<Slot> sink) {
			this(sink, new AtomicInteger(WAITING));
		}

		@Override
		public boolean grant() {
			return state.compareAndSet(WAITING, GRANTED);
		}

		@Override
		public boolean waiting() {
			return state.get() == WAITING;
		}

		@Override
		public void start(Host host) {
			sink.success(new Slot(host));
		}
	}

	/**
	 * Starts the next call on the thread that freed the slot, without a thread hop; a call that ends at once and frees
	 * its slot while another is being started is queued instead of nested, so a line of such calls cannot pile up on
	 * the stack.
	 */
	private static final class Trampoline {

		private static final ThreadLocal<Queue<Runnable>> PENDING = new ThreadLocal<>();

		static void run(Runnable start) {
			Queue<Runnable> pending = PENDING.get();
			if (pending != null) {
				pending.add(start);
				return;
			}
			pending = new ArrayDeque<>();
			PENDING.set(pending);
			try {
				for (Runnable next = start; next != null; next = pending.poll()) {
					try {
						next.run();
					}
					catch (RuntimeException ex) {
						// The call's own error handling reports it; the calls queued behind it still start.
					}
				}
			}
			finally {
				PENDING.remove();
			}
		}
	}

	private static final class Slot {

		private final Host host;

		private final AtomicBoolean released = new AtomicBoolean();

		Slot(Host host) {
			this.host = host;
		}

		Mono<Void> release() {
			if (released.compareAndSet(false, true)) {
				host.release();
			}
			return Mono.empty();
		}
	}
}

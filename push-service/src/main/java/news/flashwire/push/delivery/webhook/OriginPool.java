package news.flashwire.push.delivery.webhook;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFuture;
import io.netty.channel.EventLoop;
import io.netty.util.AsciiString;
import io.netty.util.concurrent.ScheduledFuture;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.webhook.WebhookConnections.Origin;

/**
 * One origin's kept-alive connections, at most {@code max}, each carrying one request at a time: the idle ones in a
 * plain deque (the most recently used first, so the others can go idle and close), on the origin's own event loop, which
 * also runs all its connections. No locks and no future per request. A request that finds every connection busy and
 * no room for another waits in line. A regular sweep ends what passed its deadline (in line, connecting or waiting
 * for its answer: the attempt as a whole has the timeout), closes connections idle longer than {@code idleConnection},
 * and retires the pool with its connections once the origin has had no request for {@code idleOrigin}.
 */
final class OriginPool {

	private final Origin origin;

	private final AsciiString host;

	private final EventLoop loop;

	private final Bootstrap bootstrap;

	private final WebhookConnections owner;

	private final int max;

	private final long timeout;

	private final long idleConnection;

	private final long idleOrigin;

	private final ArrayDeque<WebhookExchange> idle = new ArrayDeque<>();

	private final List<WebhookExchange> open = new ArrayList<>();

	private final ArrayDeque<Pending> waiting = new ArrayDeque<>();

	private final ScheduledFuture<?> sweep;

	private int connecting;

	private long lastUsed = System.nanoTime();

	private boolean retired;

	OriginPool(Origin origin, EventLoop loop, Bootstrap bootstrap, WebhookConnections owner, int max, long timeout,
			long idleConnection, long idleOrigin) {
		this.origin = origin;
		this.host = AsciiString.cached(origin.authority());
		this.loop = loop;
		this.bootstrap = bootstrap;
		this.owner = owner;
		this.max = max;
		this.timeout = timeout;
		this.idleConnection = idleConnection;
		this.idleOrigin = idleOrigin;
		long tick = Math.max(TimeUnit.MILLISECONDS.toNanos(10),
				Math.min(TimeUnit.SECONDS.toNanos(1), Math.min(timeout, idleOrigin) / 10));
		this.sweep = loop.scheduleWithFixedDelay(this::sweep, tick, tick, TimeUnit.NANOSECONDS);
	}

	/** Sends the request on one of the origin's connections; {@code ended} is called exactly once, on its loop. */
	void exchange(WebhookRequest request, WebhookExchange.Ended ended) {
		Pending pending = new Pending(request, ended);
		if (loop.inEventLoop()) {
			enter(pending);
		}
		else {
			try {
				loop.execute(() -> enter(pending));
			}
			catch (RejectedExecutionException ex) {
				ended.ended(0, new DeliveryFailure("shutting down"));
			}
		}
	}

	private void enter(Pending pending) {
		if (retired) {
			// Retired between the caller's look-up and now: the origin's next pool takes it.
			owner.exchange(origin, pending.request, pending.ended);
			return;
		}
		lastUsed = System.nanoTime();
		pending.deadline = lastUsed + timeout;
		WebhookExchange connection = idleConnection();
		if (connection != null) {
			send(connection, pending);
		}
		else if (open.size() + connecting < max) {
			connect(pending);
		}
		else {
			waiting.add(pending);
		}
	}

	private @Nullable WebhookExchange idleConnection() {
		WebhookExchange connection;
		while ((connection = idle.pollLast()) != null) {
			if (connection.usable()) {
				return connection;
			}
		}
		return null;
	}

	private void send(WebhookExchange connection, Pending pending) {
		pending.connection = connection;
		connection.send(pending.request.toHttp(host), pending.deadline, pending);
	}

	private void connect(Pending pending) {
		connecting++;
		ChannelFuture connected = bootstrap.connect();
		connected.addListener(done -> {
			connecting--;
			Channel channel = connected.channel();
			WebhookExchange connection = done.isSuccess() ? channel.pipeline().get(WebhookExchange.class) : null;
			if (connection == null) {
				channel.close();
				pending.ended(0, new DeliveryFailure("cannot connect to " + origin + ": " + done.cause()));
				serveWaiting();
				return;
			}
			open.add(connection);
			channel.closeFuture().addListener(closed -> closed(connection));
			send(connection, pending);
		});
	}

	/** Back from an exchange: to the first in line, or idle. */
	private void release(WebhookExchange connection) {
		if (!connection.usable()) {
			return;
		}
		Pending next = waiting.poll();
		if (next != null) {
			send(connection, next);
		}
		else {
			idle.addLast(connection);
		}
	}

	private void closed(WebhookExchange connection) {
		open.remove(connection);
		idle.remove(connection);
		serveWaiting();
	}

	private void serveWaiting() {
		while (!waiting.isEmpty() && !retired) {
			WebhookExchange connection = idleConnection();
			if (connection != null) {
				send(connection, waiting.poll());
			}
			else if (open.size() + connecting < max) {
				connect(waiting.poll());
			}
			else {
				return;
			}
		}
	}

	private void sweep() {
		long now = System.nanoTime();
		for (WebhookExchange connection : List.copyOf(open)) {
			connection.expire(now);
		}
		while (!waiting.isEmpty() && now - waiting.peek().deadline >= 0) {
			waiting.poll().ended(0, new DeliveryFailure("no connection to " + origin + " within the timeout"));
		}
		for (WebhookExchange connection : List.copyOf(idle)) {
			if (now - connection.idleSince() >= idleConnection) {
				connection.close();
			}
		}
		if (connecting == 0 && waiting.isEmpty() && now - lastUsed >= idleOrigin
				&& open.stream().noneMatch(WebhookExchange::busy)) {
			retire();
		}
	}

	private void retire() {
		if (retired) {
			return;
		}
		retired = true;
		sweep.cancel(false);
		owner.forget(origin, this);
		for (WebhookExchange connection : List.copyOf(open)) {
			connection.close();
		}
	}

	/** Closes every connection (in-flight exchanges end as failures); on shutdown. */
	void close() {
		loop.execute(() -> {
			retire();
			for (Pending pending = waiting.poll(); pending != null; pending = waiting.poll()) {
				pending.ended(0, new DeliveryFailure("shutting down"));
			}
		});
	}

	/** A request on its way: in line, connecting or in flight. */
	private final class Pending implements WebhookExchange.Ended {

		private final WebhookRequest request;

		private final WebhookExchange.Ended ended;

		private long deadline;

		private boolean retried;

		private @Nullable WebhookExchange connection;

		Pending(WebhookRequest request, WebhookExchange.Ended ended) {
			this.request = request;
			this.ended = ended;
		}

		@Override
		public void ended(int status, @Nullable RuntimeException failure) {
			WebhookExchange used = connection;
			connection = null;
			if (used != null) {
				release(used);
			}
			if (failure instanceof WebhookExchange.StaleConnection stale) {
				// The server dropped a kept-alive connection before answering: once more, on another connection (the
				// receiver drops a duplicate by its webhook-id).
				if (!retried) {
					retried = true;
					enter(this);
					return;
				}
				failure = new DeliveryFailure(stale.getMessage());
			}
			ended.ended(status, failure);
		}
	}
}

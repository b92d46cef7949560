package news.flashwire.push.delivery.webhook;

import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.handler.timeout.IdleStateEvent;
import io.netty.util.ReferenceCountUtil;
import io.netty.util.concurrent.ScheduledFuture;
import news.flashwire.push.delivery.DeliveryFailure;

/**
 * The last handler of a webhook connection: one request at a time, and its response's status once the response has
 * been read to its end (so the connection can carry the next request). The response body is not kept; one longer than
 * {@value #MAX_BODY} bytes is not read further and the connection is closed instead. No answer within the timeout, a
 * malformed answer or a closed connection ends the exchange with a {@link DeliveryFailure}. All on the connection's
 * event loop.
 */
final class WebhookExchange extends ChannelInboundHandlerAdapter {

	static final int MAX_BODY = 64 * 1024;

	/** How an exchange ended: the status, or the failure (then the status is 0). */
	interface Ended {

		void ended(int status, @Nullable RuntimeException failure);
	}

	/** The connection was reused and closed before any of the response came: worth one more try elsewhere. */
	static final class StaleConnection extends DeliveryFailure {

		StaleConnection(String message) {
			super(message);
		}
	}

	private final long timeoutNanos;

	private @Nullable ChannelHandlerContext context;

	private @Nullable Ended ended;

	private @Nullable ScheduledFuture<?> deadline;

	private int status;

	private boolean keepAlive;

	private boolean answered;

	private long bodyBytes;

	private int served;

	WebhookExchange(Duration timeout) {
		this.timeoutNanos = timeout.toNanos();
	}

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		context = ctx;
	}

	/** Sends the request; {@code ended} is called exactly once, on the event loop. */
	void send(FullHttpRequest request, Ended ended) {
		ChannelHandlerContext ctx = context;
		if (ctx == null) {
			request.release();
			ended.ended(0, new DeliveryFailure("connection not ready"));
			return;
		}
		if (!ctx.executor().inEventLoop()) {
			ctx.executor().execute(() -> send(request, ended));
			return;
		}
		this.ended = ended;
		status = 0;
		keepAlive = true;
		answered = false;
		bodyBytes = 0;
		if (!ctx.channel().isActive()) {
			request.release();
			fail(closed());
			return;
		}
		deadline = ctx.executor().schedule(() -> {
			fail(new DeliveryFailure("no response within " + Duration.ofNanos(timeoutNanos)));
			ctx.close();
		}, timeoutNanos, TimeUnit.NANOSECONDS);
		ctx.writeAndFlush(request).addListener(written -> {
			if (!written.isSuccess()) {
				fail(ctx.channel().isActive() ? new DeliveryFailure("cannot send: " + written.cause()) : closed());
				ctx.close();
			}
		});
	}

	/**
	 * Gives up the exchange that {@code ended} belongs to, if it is still in flight, and closes the connection (so no
	 * late answer is mistaken for the next request's).
	 */
	void abandon(Ended which) {
		ChannelHandlerContext ctx = context;
		if (ctx == null) {
			return;
		}
		ctx.executor().execute(() -> {
			if (ended == which) {
				fail(new DeliveryFailure("abandoned"));
				ctx.close();
			}
		});
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		try {
			if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
				fail(new DeliveryFailure("malformed response: " + object.decoderResult().cause()));
				ctx.close();
				return;
			}
			if (ended == null) {
				// Nothing was asked: an answer now cannot be matched to a request.
				ctx.close();
				return;
			}
			if (msg instanceof HttpResponse response) {
				answered = true;
				status = response.status().code();
				keepAlive = HttpUtil.isKeepAlive(response);
			}
			if (msg instanceof HttpContent content) {
				bodyBytes += content.content().readableBytes();
				if (msg instanceof LastHttpContent) {
					if (status < 200) {
						// An interim answer (1xx): the real one follows.
						answered = false;
						bodyBytes = 0;
						return;
					}
					succeed(ctx);
				}
				else if (bodyBytes > MAX_BODY) {
					keepAlive = false;
					succeed(ctx);
				}
			}
		}
		finally {
			ReferenceCountUtil.release(msg);
		}
	}

	private void succeed(ChannelHandlerContext ctx) {
		if (!keepAlive) {
			ctx.close();
		}
		served++;
		Ended done = finish();
		if (done != null) {
			done.ended(status, null);
		}
	}

	private void fail(RuntimeException failure) {
		Ended done = finish();
		if (done != null) {
			done.ended(0, failure);
		}
	}

	private @Nullable Ended finish() {
		Ended done = ended;
		ended = null;
		if (deadline != null) {
			deadline.cancel(false);
			deadline = null;
		}
		return done;
	}

	private DeliveryFailure closed() {
		return answered || served == 0 ? new DeliveryFailure("connection closed before the response ended")
				: new StaleConnection("reused connection closed before a response");
	}

	@Override
	public void channelInactive(ChannelHandlerContext ctx) {
		fail(closed());
		ctx.fireChannelInactive();
	}

	@Override
	public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
		fail(new DeliveryFailure(cause.toString()));
		ctx.close();
	}

	@Override
	public void userEventTriggered(ChannelHandlerContext ctx, Object event) {
		if (event instanceof IdleStateEvent && ended == null) {
			ctx.close();
		}
		ctx.fireUserEventTriggered(event);
	}
}

package news.flashwire.push.delivery.webhook;

import org.jspecify.annotations.Nullable;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpContent;
import io.netty.handler.codec.http.HttpObject;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.LastHttpContent;
import io.netty.util.ReferenceCountUtil;
import news.flashwire.push.delivery.DeliveryFailure;

/**
 * The last handler of a webhook connection: one request at a time, and its response's status once the response has
 * been read to its end (so the connection can carry the next request). The response body is not kept; one longer than
 * {@value #MAX_BODY} bytes is not read further and the connection is closed instead. A malformed answer or a closed
 * connection ends the exchange with a {@link DeliveryFailure}; so does its deadline, which the connection's
 * {@link OriginPool} checks on its regular sweep (no timer per request). All on the connection's event loop.
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

	private @Nullable ChannelHandlerContext context;

	private @Nullable Ended ended;

	private long deadline;

	private long idleSince = System.nanoTime();

	private int status;

	private boolean keepAlive;

	private boolean answered;

	private long bodyBytes;

	private int served;

	private boolean closing;

	@Override
	public void handlerAdded(ChannelHandlerContext ctx) {
		context = ctx;
	}

	/**
	 * Sends the request, to be answered by {@code deadline} ({@link System#nanoTime()}); {@code ended} is called
	 * exactly once. On the event loop only.
	 */
	void send(FullHttpRequest request, long deadline, Ended ended) {
		ChannelHandlerContext ctx = context;
		if (ctx == null || !ctx.channel().isActive()) {
			request.release();
			ended.ended(0, ctx == null ? new DeliveryFailure("connection not ready") : closed());
			return;
		}
		this.ended = ended;
		this.deadline = deadline;
		status = 0;
		keepAlive = true;
		answered = false;
		bodyBytes = 0;
		// A write that fails fires exceptionCaught, which ends the exchange: no promise per request.
		ctx.writeAndFlush(request, ctx.voidPromise());
	}

	/** Whether a request is in flight on this connection. */
	boolean busy() {
		return ended != null;
	}

	/** Whether the connection can carry the next request: open, not closing, nothing in flight. */
	boolean usable() {
		ChannelHandlerContext ctx = context;
		return ctx != null && !closing && ended == null && ctx.channel().isActive();
	}

	void close() {
		closing = true;
		ChannelHandlerContext ctx = context;
		if (ctx != null) {
			ctx.close();
		}
	}

	/** Since when the connection has carried no request ({@link System#nanoTime()}). */
	long idleSince() {
		return idleSince;
	}

	/** Ends the exchange in flight if its deadline has passed, closing the connection (a late answer fits no request). */
	void expire(long now) {
		ChannelHandlerContext ctx = context;
		if (ended != null && now - deadline >= 0 && ctx != null) {
			failAndClose(ctx, new DeliveryFailure("no response within the timeout"));
		}
	}

	@Override
	public void channelRead(ChannelHandlerContext ctx, Object msg) {
		try {
			if (msg instanceof HttpObject object && object.decoderResult().isFailure()) {
				failAndClose(ctx, new DeliveryFailure("malformed response: " + object.decoderResult().cause()));
				return;
			}
			if (ended == null) {
				// Nothing was asked: an answer now cannot be matched to a request.
				close();
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
			close();
		}
		served++;
		Ended done = finish();
		if (done != null) {
			done.ended(status, null);
		}
	}

	/** Closing first, so the connection is not handed to the next request while it ends this one. */
	private void failAndClose(ChannelHandlerContext ctx, RuntimeException failure) {
		closing = true;
		fail(failure);
		ctx.close();
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
		idleSince = System.nanoTime();
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
		boolean dropped = !ctx.channel().isActive() && served > 0 && !answered;
		failAndClose(ctx, dropped ? closed() : new DeliveryFailure(cause.toString()));
	}
}

package news.flashwire.ticker.stream;

import java.util.List;

import org.jspecify.annotations.Nullable;

import io.netty.buffer.ByteBuf;
import io.netty.channel.Channel;
import io.netty.channel.ChannelHandlerContext;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpServerCodec;

/**
 * A stream's Netty channel as its {@link SseConnection.Outlet}: writes what the connection queued from its loop's
 * {@link LoopWriter}, then flushes once. On HTTP/1.1 with chunked encoding each item goes out as a ready chunk (size
 * line, SSE frame, CRLF: for a single-edition stream the same bytes on every connection) past the HTTP encoder, which
 * would otherwise make a chunk header for every write (and flushed from there, past nothing that holds writes back);
 * the encoder's state is unaffected, as a chunk it did not see leaves it where it was. Elsewhere (HTTP/2) the frames
 * go through the pipeline. A channel holding more than its high water mark unsent of what came after the stream's
 * start has a reader that fell behind; the start (a snapshot, or the changes missed) may alone be larger than the
 * mark, and a reader still receiving it is not slow.
 */
final class ChannelOutlet implements SseConnection.Outlet {

	/** An item of the stream as the bytes to write, a chunk of its own if {@code chunked}. */
	interface Frames {

		ByteBuf frame(Object item, boolean chunked);
	}

	private final SseConnection connection;

	private final Channel channel;

	private final LoopWriter writer;

	private final Frames frames;

	private final @Nullable ChannelHandlerContext beforeEncoder;

	// Bytes of the frames written after the stream's start, counted until they pass the high water mark (from there
	// on only Netty's count matters). Written on the loop only, read by the editions' threads.
	private volatile long writtenAfterStart;

	ChannelOutlet(SseConnection connection, Channel channel, LoopWriter writer, Frames frames,
			@Nullable HttpHeaders sentHeaders) {
		this.connection = connection;
		this.channel = channel;
		this.writer = writer;
		this.frames = frames;
		this.beforeEncoder = sentHeaders != null
				&& sentHeaders.containsValue(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED, true)
						? channel.pipeline().context(HttpServerCodec.class) : null;
	}

	@Override
	public boolean isWritable() {
		if (channel.isWritable()) {
			return true;
		}
		// Netty's writability counts the start too. The frames go out in order, so of what the channel holds, at
		// most what was written after the start is not the start.
		long unsent = channel.bytesBeforeWritable() + channel.config().getWriteBufferLowWaterMark() - 1;
		return Math.min(unsent, writtenAfterStart) <= channel.config().getWriteBufferHighWaterMark();
	}

	@Override
	public void wake(SseConnection connection) {
		writer.wake(this);
	}

	boolean writesChunks() {
		return beforeEncoder != null;
	}

	/** On the channel's loop: writes what is queued, using {@code items} as scratch space. */
	void write(List<Object> items) {
		int start = connection.drainTo(items);
		boolean open = channel.isActive();
		long afterStart = writtenAfterStart;
		boolean counting = afterStart <= channel.config().getWriteBufferHighWaterMark();
		Object end = null;
		for (int i = 0; i < items.size(); i++) {
			Object item = items.get(i);
			if (SseConnection.isEnd(item)) {
				end = item;
				break;
			}
			if (open) {
				ByteBuf frame = frames.frame(item, beforeEncoder != null);
				if (counting && i >= start) {
					afterStart += frame.readableBytes();
				}
				if (beforeEncoder != null) {
					beforeEncoder.write(frame, channel.voidPromise());
				}
				else {
					channel.write(frame, channel.voidPromise());
				}
			}
		}
		if (counting) {
			writtenAfterStart = afterStart;
		}
		if (open) {
			if (beforeEncoder != null) {
				beforeEncoder.flush();
			}
			else {
				channel.flush();
			}
		}
		if (end != null) {
			connection.ended(end);
		}
	}
}

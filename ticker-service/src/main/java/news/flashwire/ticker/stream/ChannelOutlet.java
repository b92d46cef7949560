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
 * the encoder's state is unaffected, as a chunk it did not see leaves it where it was. Elsewhere (HTTP/2) the frames go through the pipeline. Writability is Netty's: a channel
 * holding more than its high water mark unsent has a reader that fell behind.
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
		return channel.isWritable();
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
		connection.drainTo(items);
		boolean open = channel.isActive();
		Object end = null;
		for (Object item : items) {
			if (SseConnection.isEnd(item)) {
				end = item;
				break;
			}
			if (open) {
				ByteBuf frame = frames.frame(item, beforeEncoder != null);
				if (beforeEncoder != null) {
					beforeEncoder.write(frame, channel.voidPromise());
				}
				else {
					channel.write(frame, channel.voidPromise());
				}
			}
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

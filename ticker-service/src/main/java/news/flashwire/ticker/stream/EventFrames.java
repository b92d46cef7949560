package news.flashwire.ticker.stream;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.function.Function;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.stereotype.Component;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import news.flashwire.ticker.headline.TickerEvent;
import tools.jackson.databind.json.JsonMapper;

/**
 * Ticker events as SSE frames, each encoded once however many connections send it: the data as JSON (with the
 * application's mapper, as the web codecs write it) and, for single-edition streams, the whole frame with the
 * position as id (and as an HTTP/1.1 chunk), kept off-heap and written to every connection without a copy.
 */
@Component
class EventFrames {

	private final JsonMapper json;

	private final Function<TickerEvent, Encoded> encoder = this::encode;

	EventFrames(JsonMapper json) {
		this.json = json;
	}

	/** The event with its position as id: the same bytes for every connection. */
	DataBuffer withPosition(TickerEvent event, DataBufferFactory buffers) {
		return share(encoded(event).frame(), buffers);
	}

	/** The event with an id of this connection's own (a stream of several editions). */
	DataBuffer withId(TickerEvent event, String id, DataBufferFactory buffers) {
		return buffers.wrap(SseFrame.event(id, event.name(), encoded(event).data()));
	}

	/** The event with its position as id, as bytes every connection writes (a chunk of its own if chunked). */
	ByteBuf withPosition(TickerEvent event, boolean chunked) {
		Encoded encoded = encoded(event);
		return oneWrite(chunked ? encoded.chunk() : encoded.frame());
	}

	/** The event with an id of this connection's own, as bytes (a chunk of its own if chunked). */
	ByteBuf withId(TickerEvent event, String id, boolean chunked) {
		byte[] frame = SseFrame.event(id, event.name(), encoded(event).data());
		return Unpooled.wrappedBuffer(chunked ? chunk(frame) : frame);
	}

	/** An HTTP/1.1 chunk holding {@code frame} (RFC 9112 §7.1): its size in hex, CRLF, the bytes, CRLF. */
	static byte[] chunk(byte[] frame) {
		byte[] size = (Integer.toHexString(frame.length) + "\r\n").getBytes(StandardCharsets.US_ASCII);
		byte[] chunk = new byte[size.length + frame.length + 2];
		System.arraycopy(size, 0, chunk, 0, size.length);
		System.arraycopy(frame, 0, chunk, size.length, frame.length);
		chunk[chunk.length - 2] = '\r';
		chunk[chunk.length - 1] = '\n';
		return chunk;
	}

	private Encoded encoded(TickerEvent event) {
		return event.encoded(encoder);
	}

	private Encoded encode(TickerEvent event) {
		String data = json.writeValueAsString(event.data());
		byte[] frame = SseFrame.event(Long.toString(event.position()), event.name(), data);
		return new Encoded(data, shared(frame), shared(chunk(frame)));
	}

	/**
	 * Bytes every connection may write ({@link #oneWrite}): read-only and off-heap. The wrapped memory is freed with
	 * the last Java reference, not by a release: the count that writes take and give back never reaches zero.
	 */
	static ByteBuf shared(byte[] bytes) {
		ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
		return Unpooled.wrappedBuffer(direct).asReadOnly();
	}

	/**
	 * {@code shared} for one write, which releases it when written: a view with its own read position, one object
	 * (this runs once per delivery, a hundred thousand times a second at full load, so it should make little garbage).
	 */
	static ByteBuf oneWrite(ByteBuf shared) {
		return shared.retainedDuplicate();
	}

	static DataBuffer share(ByteBuf shared, DataBufferFactory buffers) {
		if (buffers instanceof NettyDataBufferFactory netty) {
			return netty.wrap(oneWrite(shared));
		}
		byte[] copy = new byte[shared.readableBytes()];
		shared.getBytes(shared.readerIndex(), copy);
		return buffers.wrap(copy);
	}

	private record Encoded(String data, ByteBuf frame, ByteBuf chunk) {
	}
}

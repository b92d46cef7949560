package news.flashwire.ticker.stream;

import java.nio.ByteBuffer;
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
 * position as id, kept off-heap and written to every connection without a copy.
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

	private Encoded encoded(TickerEvent event) {
		return event.encoded(encoder);
	}

	private Encoded encode(TickerEvent event) {
		String data = json.writeValueAsString(event.data());
		return new Encoded(data, shared(SseFrame.event(Long.toString(event.position()), event.name(), data)));
	}

	/** Bytes every connection may write: read-only, off-heap, freed with the last reference (not by a release). */
	static ByteBuf shared(byte[] bytes) {
		ByteBuffer direct = ByteBuffer.allocateDirect(bytes.length).put(bytes).flip();
		return Unpooled.unreleasableBuffer(Unpooled.wrappedBuffer(direct).asReadOnly());
	}

	static DataBuffer share(ByteBuf shared, DataBufferFactory buffers) {
		if (buffers instanceof NettyDataBufferFactory netty) {
			return netty.wrap(shared.duplicate());
		}
		byte[] copy = new byte[shared.readableBytes()];
		shared.getBytes(shared.readerIndex(), copy);
		return buffers.wrap(copy);
	}

	private record Encoded(String data, ByteBuf frame) {
	}
}

package news.flashwire.ticker.stream;

import java.net.InetSocketAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.BodyInserters;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebExchange;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.util.concurrent.EventExecutor;
import news.flashwire.ticker.headline.EditionChannel;
import news.flashwire.ticker.headline.TickerEvent;
import news.flashwire.ticker.headline.TickerSettings;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.netty.Connection;

/**
 * What every ticker stream has in common: the headers, a retry hint with jitter, comment heartbeats (one timer for all
 * streams), a slot under the connection limits for as long as it is open, and its end when the instance stops. Each
 * stream writes ready SSE bytes ({@link EventFrames}): its start through the response, then what comes live straight
 * to its channel ({@link ChannelOutlet}).
 */
@Component
class SseStreams implements DisposableBean {

	private static final MediaType EVENT_STREAM = new MediaType(MediaType.TEXT_EVENT_STREAM,
			java.nio.charset.StandardCharsets.UTF_8);

	private static final ByteBuf HEARTBEAT = EventFrames.shared(SseFrame.comment("heartbeat"));

	private static final ByteBuf HEARTBEAT_CHUNK = EventFrames.shared(EventFrames.chunk(SseFrame.comment("heartbeat")));

	private final TickerSettings settings;

	private final ConnectionLimits limits;

	private final OpenStreams openStreams;

	private final EventFrames frames;

	private final Disposable heartbeats;

	private final Map<EventExecutor, LoopWriter> writers = new ConcurrentHashMap<>();

	SseStreams(TickerSettings settings, ConnectionLimits limits, OpenStreams openStreams, EventFrames frames) {
		this.settings = settings;
		this.limits = limits;
		this.openStreams = openStreams;
		this.frames = frames;
		this.heartbeats = Flux.interval(settings.heartbeat())
			.subscribe(tick -> LoopWriter.wakeAfter(() -> openStreams.forEach(SseConnection::heartbeat)));
	}

	/**
	 * Answers a stream of {@code channels}, each resumed from {@code resumeFrom}, if the limits let this client in.
	 * With {@code ids} null every event's id is its position; otherwise {@code ids} gives each event its id.
	 */
	Mono<ServerResponse> open(ServerRequest request, List<EditionChannel> channels,
			Function<EditionChannel, @Nullable Long> resumeFrom, @Nullable CompositeEventId ids) {
		openStreams.admit();
		Runnable release = limits.acquire(clientOf(request));
		try {
			DataBufferFactory buffers = request.exchange().getResponse().bufferFactory();
			SseConnection connection = new SseConnection(settings.clientBuffer());
			Flux<DataBuffer> stream = Flux.defer(() -> {
				H2cUpgrade.forgo(request.exchange().getRequest());
				List<Object> start = new ArrayList<>();
				start.add(retryHint());
				for (EditionChannel channel : channels) {
					start.addAll(channel.connect(resumeFrom.apply(channel), connection));
				}
				connection.startWith(start);
				openStreams.add(connection);
				return live(request.exchange(), connection, ids, buffers);
			}).doFinally(signal -> {
				openStreams.remove(connection);
				channels.forEach(channel -> channel.disconnect(connection));
				release.run();
			});
			return ServerResponse.ok()
				.contentType(EVENT_STREAM)
				.cacheControl(CacheControl.noCache())
				// Nginx and similar proxies would otherwise buffer the stream and deliver it late.
				.header("X-Accel-Buffering", "no")
				.body(BodyInserters.fromDataBuffers(stream));
		}
		catch (RuntimeException ex) {
			release.run();
			throw ex;
		}
	}

	/**
	 * The stream's body. On Netty its connection's channel takes everything: the response sends an empty first part,
	 * so that its headers go out, and the outlet opens in a task on the channel's loop after they did. The response
	 * then only waits for the stream's end.
	 */
	private Flux<DataBuffer> live(ServerWebExchange exchange, SseConnection connection,
			@Nullable CompositeEventId ids, DataBufferFactory buffers) {
		Connection netty = NettyExchange.connectionOf(exchange);
		if (netty == null) {
			SinkOutlet outlet = new SinkOutlet();
			connection.open(outlet);
			return outlet.items().map(item -> frame(item, ids, buffers));
		}
		Channel channel = netty.channel();
		ChannelOutlet.Frames bytes = (item, chunked) -> frame(item, ids, chunked);
		return Flux.concat(Mono.just(buffers.wrap(new byte[0])), Flux.defer(() -> {
			channel.eventLoop().execute(() -> connection.open(new ChannelOutlet(connection, channel,
					writers.computeIfAbsent(channel.eventLoop(), LoopWriter::new), bytes,
					NettyExchange.sentHeadersOf(exchange))));
			return connection.ending().thenMany(Flux.<DataBuffer>empty());
		}));
	}

	@Override
	public void destroy() {
		heartbeats.dispose();
	}

	private DataBuffer frame(Object item, @Nullable CompositeEventId ids, DataBufferFactory buffers) {
		if (item instanceof byte[] ready) {
			return buffers.wrap(ready);
		}
		if (item == SseConnection.HEARTBEAT) {
			return EventFrames.share(HEARTBEAT, buffers);
		}
		TickerEvent event = (TickerEvent) item;
		if (ids == null) {
			return frames.withPosition(event, buffers);
		}
		return frames.withId(event, ids.advance(event.edition(), event.position()), buffers);
	}

	private ByteBuf frame(Object item, @Nullable CompositeEventId ids, boolean chunked) {
		if (item instanceof byte[] ready) {
			return Unpooled.wrappedBuffer(chunked ? EventFrames.chunk(ready) : ready);
		}
		if (item == SseConnection.HEARTBEAT) {
			return EventFrames.oneWrite(chunked ? HEARTBEAT_CHUNK : HEARTBEAT);
		}
		TickerEvent event = (TickerEvent) item;
		if (ids == null) {
			return frames.withPosition(event, chunked);
		}
		return frames.withId(event, ids.advance(event.edition(), event.position()), chunked);
	}

	/** A reconnect delay with jitter, so that a deploy does not bring every browser back in the same instant. */
	private byte[] retryHint() {
		long base = settings.retry().toMillis();
		return SseFrame.retry(base + ThreadLocalRandom.current().nextLong(base + 1), "flashwire ticker");
	}

	private static String clientOf(ServerRequest request) {
		return request.remoteAddress()
			.map(InetSocketAddress::getAddress)
			.map(java.net.InetAddress::getHostAddress)
			.orElse("unknown");
	}
}

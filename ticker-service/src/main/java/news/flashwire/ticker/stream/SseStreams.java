package news.flashwire.ticker.stream;

import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Supplier;

import org.springframework.http.HttpHeaders;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.stereotype.Component;

import news.flashwire.ticker.headline.TickerEvent;
import news.flashwire.ticker.headline.TickerSettings;
import reactor.core.publisher.Flux;

/**
 * What every ticker stream has in common: the headers, a retry hint with jitter, comment heartbeats, a slot under
 * the connection limits for as long as it is open, and its end when the instance stops.
 */
@Component
class SseStreams {

	private final TickerSettings settings;

	private final ConnectionLimits limits;

	private final OpenStreams openStreams;

	SseStreams(TickerSettings settings, ConnectionLimits limits, OpenStreams openStreams) {
		this.settings = settings;
		this.limits = limits;
		this.openStreams = openStreams;
	}

	/** Opens a stream: {@code events} is subscribed only if the limits let this client in. */
	Flux<ServerSentEvent<Object>> open(ServerHttpRequest request, ServerHttpResponse response,
			Supplier<Flux<ServerSentEvent<Object>>> events) {
		Runnable release = limits.acquire(clientOf(request));
		try {
			response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-cache");
			// Nginx and similar proxies would otherwise buffer the stream and deliver it late.
			response.getHeaders().set("X-Accel-Buffering", "no");
			Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(settings.heartbeat())
				.map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
			Flux<ServerSentEvent<Object>> stream = Flux.concat(Flux.just(retryHint()),
					Flux.merge(Flux.defer(events), heartbeats));
			return openStreams.untilShutdown(stream).doFinally(signal -> release.run());
		}
		catch (RuntimeException ex) {
			release.run();
			throw ex;
		}
	}

	static ServerSentEvent<Object> toSse(TickerEvent event, String id) {
		return ServerSentEvent.builder(event.data()).id(id).event(event.name()).build();
	}

	/** A reconnect delay with jitter, so that a deploy does not bring every browser back in the same instant. */
	private ServerSentEvent<Object> retryHint() {
		long base = settings.retry().toMillis();
		return ServerSentEvent.builder()
			.retry(Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1)))
			.comment("flashwire ticker")
			.build();
	}

	private static String clientOf(ServerHttpRequest request) {
		InetSocketAddress remote = request.getRemoteAddress();
		if (remote == null || remote.getAddress() == null) {
			return "unknown";
		}
		return remote.getAddress().getHostAddress();
	}
}

package news.flashwire.ticker.stream;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.ticker.headline.EditionChannel;
import news.flashwire.ticker.headline.TickerEvent;
import news.flashwire.ticker.headline.TickerSettings;
import news.flashwire.ticker.headline.Tickers;
import reactor.core.publisher.Flux;

/**
 * An edition's ticker as Server-Sent Events: a snapshot (or the changes missed since Last-Event-ID), then every
 * change. Event ids are ticker-topic positions, the same on every instance.
 */
@RestController
class TickerStreamController {

	private final Tickers tickers;

	private final TickerSettings settings;

	TickerStreamController(Tickers tickers, TickerSettings settings) {
		this.tickers = tickers;
		this.settings = settings;
	}

	@GetMapping(path = "/v1/editions/{edition}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Flux<ServerSentEvent<Object>> stream(@PathVariable String edition,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParam,
			ServerHttpResponse response) {
		EditionChannel channel = tickers.channel(edition).orElseThrow(() -> new UnknownEdition(edition));
		response.getHeaders().set(HttpHeaders.CACHE_CONTROL, "no-cache");
		// Nginx and similar proxies would otherwise buffer the stream and deliver it late.
		response.getHeaders().set("X-Accel-Buffering", "no");
		Long lastEventId = LastEventId.parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
		Flux<ServerSentEvent<Object>> events = channel.connect(lastEventId).map(this::toSse);
		Flux<ServerSentEvent<Object>> heartbeats = Flux.interval(settings.heartbeat())
			.map(tick -> ServerSentEvent.builder().comment("heartbeat").build());
		return Flux.concat(Flux.just(retryHint()), Flux.merge(events, heartbeats));
	}

	private ServerSentEvent<Object> toSse(TickerEvent event) {
		return ServerSentEvent.builder(event.data()).id(Long.toString(event.position())).event(event.name()).build();
	}

	/** A reconnect delay with jitter, so that a deploy does not bring every browser back in the same instant. */
	private ServerSentEvent<Object> retryHint() {
		long base = settings.retry().toMillis();
		return ServerSentEvent.builder()
			.retry(Duration.ofMillis(base + ThreadLocalRandom.current().nextLong(base + 1)))
			.comment("flashwire ticker")
			.build();
	}
}

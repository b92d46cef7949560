package news.flashwire.ticker.stream;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.server.ServerRequest;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ServerWebInputException;

import news.flashwire.ticker.headline.EditionChannel;
import news.flashwire.ticker.headline.Tickers;
import reactor.core.publisher.Mono;

/**
 * Tickers as Server-Sent Events: a snapshot (or the changes missed since Last-Event-ID), then every change. An
 * edition's event ids are its ticker-topic positions, the same on every instance; a stream of several editions sends
 * all their positions in each id ({@link CompositeEventId}). Routed by {@link StreamRoutes}.
 */
@Component
class TickerStreamController {

	private final Tickers tickers;

	private final SseStreams streams;

	private final StreamSettings settings;

	TickerStreamController(Tickers tickers, SseStreams streams, StreamSettings settings) {
		this.tickers = tickers;
		this.streams = streams;
		this.settings = settings;
	}

	/** {@code GET /v1/editions/{edition}/stream} */
	Mono<ServerResponse> stream(ServerRequest request) {
		String edition = request.pathVariable("edition");
		EditionChannel channel = tickers.channel(edition).orElseThrow(() -> new UnknownEdition(edition));
		Long lastEventId = LastEventId.parse(lastEventId(request));
		return streams.open(request, List.of(channel), resumed -> lastEventId, null);
	}

	/** {@code GET /v1/stream?editions=ar,en} */
	Mono<ServerResponse> streamOfEditions(ServerRequest request) {
		List<EditionChannel> channels = channelsOf(request.queryParams().get("editions"));
		List<String> codes = channels.stream().map(EditionChannel::code).toList();
		CompositeEventId ids = new CompositeEventId(codes, lastEventId(request));
		return streams.open(request, channels, channel -> ids.resumeFrom(channel.code()), ids);
	}

	private static @Nullable String lastEventId(ServerRequest request) {
		ServerHttpRequest http = request.exchange().getRequest();
		String header = http.getHeaders().getFirst("Last-Event-ID");
		return header != null ? header : http.getQueryParams().getFirst("lastEventId");
	}

	private List<EditionChannel> channelsOf(@Nullable List<String> asked) {
		if (asked == null || asked.isEmpty()) {
			throw new ServerWebInputException("Required query parameter 'editions' is not present.");
		}
		List<String> editions = new ArrayList<>();
		for (String value : asked) {
			for (String edition : value.split(",")) {
				if (!edition.isBlank()) {
					editions.add(edition.strip());
				}
			}
		}
		if (editions.isEmpty()) {
			throw new ServerWebInputException("Query parameter 'editions' names no edition.");
		}
		List<EditionChannel> channels = new ArrayList<>();
		for (String edition : editions) {
			EditionChannel channel = tickers.channel(edition).orElseThrow(() -> new UnknownEdition(edition));
			if (!channels.contains(channel)) {
				channels.add(channel);
			}
		}
		if (channels.size() > settings.maxEditionsPerStream()) {
			throw new ServerWebInputException("Too many editions for one stream: " + channels.size()
					+ " asked for, at most " + settings.maxEditionsPerStream() + ".");
		}
		return channels;
	}
}

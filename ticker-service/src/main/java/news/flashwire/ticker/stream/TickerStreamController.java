package news.flashwire.ticker.stream;

import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.ticker.headline.EditionChannel;
import news.flashwire.ticker.headline.Tickers;
import reactor.core.publisher.Mono;

/**
 * Tickers as Server-Sent Events: a snapshot (or the changes missed since Last-Event-ID), then every change. An
 * edition's event ids are its ticker-topic positions, the same on every instance; a stream of several editions sends
 * all their positions in each id ({@link CompositeEventId}).
 */
@RestController
class TickerStreamController {

	private final Tickers tickers;

	private final SseStreams streams;

	private final StreamSettings settings;

	TickerStreamController(Tickers tickers, SseStreams streams, StreamSettings settings) {
		this.tickers = tickers;
		this.streams = streams;
		this.settings = settings;
	}

	@GetMapping(path = "/v1/editions/{edition}/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<Void> stream(@PathVariable String edition,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParam,
			ServerHttpRequest request, ServerHttpResponse response) {
		EditionChannel channel = tickers.channel(edition).orElseThrow(() -> new UnknownEdition(edition));
		Long lastEventId = LastEventId.parse(lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
		return streams.open(request, response, List.of(channel), resumed -> lastEventId, null);
	}

	@GetMapping(path = "/v1/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
	Mono<Void> streamOfEditions(@RequestParam List<String> editions,
			@RequestHeader(name = "Last-Event-ID", required = false) @Nullable String lastEventIdHeader,
			@RequestParam(name = "lastEventId", required = false) @Nullable String lastEventIdParam,
			ServerHttpRequest request, ServerHttpResponse response) {
		List<EditionChannel> channels = channelsOf(editions);
		List<String> codes = channels.stream().map(EditionChannel::code).toList();
		CompositeEventId ids = new CompositeEventId(codes,
				lastEventIdHeader != null ? lastEventIdHeader : lastEventIdParam);
		return streams.open(request, response, channels, channel -> ids.resumeFrom(channel.code()), ids);
	}

	private List<EditionChannel> channelsOf(List<String> editions) {
		List<EditionChannel> channels = new ArrayList<>();
		for (String edition : editions) {
			EditionChannel channel = tickers.channel(edition.strip()).orElseThrow(() -> new UnknownEdition(edition));
			if (!channels.contains(channel)) {
				channels.add(channel);
			}
		}
		if (channels.isEmpty() || channels.size() > settings.maxEditionsPerStream()) {
			throw new UnknownEdition(String.join(",", editions));
		}
		return channels;
	}
}

package news.flashwire.ticker.feed;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.flashwire.ticker.headline.Snapshot;
import news.flashwire.ticker.headline.Tickers;
import news.flashwire.ticker.stream.UnknownEdition;

/** An edition's headlines as RSS 2.0 and Atom feeds, with an ETag per position so feed readers poll cheaply. */
@RestController
class FeedController {

	private static final MediaType RSS = MediaType.parseMediaType("application/rss+xml;charset=UTF-8");

	private static final MediaType ATOM = MediaType.parseMediaType("application/atom+xml;charset=UTF-8");

	private final Tickers tickers;

	FeedController(Tickers tickers) {
		this.tickers = tickers;
	}

	@GetMapping("/v1/editions/{edition}/rss")
	ResponseEntity<String> rss(@PathVariable String edition, ServerWebExchange exchange) {
		return feed(edition, exchange, new RssFeed(), RSS, "rss");
	}

	@GetMapping("/v1/editions/{edition}/atom")
	ResponseEntity<String> atom(@PathVariable String edition, ServerWebExchange exchange) {
		return feed(edition, exchange, new AtomFeed(), ATOM, "atom");
	}

	private ResponseEntity<String> feed(String edition, ServerWebExchange exchange, FeedWriter writer,
			MediaType type, String kind) {
		Snapshot snapshot = tickers.channel(edition).orElseThrow(() -> new UnknownEdition(edition)).snapshot();
		String etag = "\"" + snapshot.edition() + "-" + snapshot.position() + "-" + kind + "\"";
		if (exchange.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).build();
		}
		String self = exchange.getRequest().getURI().toString();
		return ResponseEntity.ok()
			.eTag(etag)
			.cacheControl(CacheControl.noCache())
			.contentType(type)
			.body(writer.write(snapshot, self));
	}
}

package news.flashwire.ticker.feed;

import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import news.flashwire.ticker.headline.Snapshot;
import news.flashwire.ticker.headline.Tickers;
import news.flashwire.ticker.stream.UnknownEdition;

/** An edition's headlines as JSON, for servers and pages without JavaScript; a conditional GET is answered 304. */
@RestController
class HeadlinesController {

	private final Tickers tickers;

	HeadlinesController(Tickers tickers) {
		this.tickers = tickers;
	}

	@GetMapping("/v1/editions/{edition}/headlines")
	ResponseEntity<Snapshot> headlines(@PathVariable String edition, ServerWebExchange exchange) {
		Snapshot snapshot = tickers.channel(edition).orElseThrow(() -> new UnknownEdition(edition)).snapshot();
		String etag = "\"" + snapshot.edition() + "-" + snapshot.position() + "\"";
		if (exchange.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).build();
		}
		return ResponseEntity.ok().eTag(etag).cacheControl(CacheControl.noCache()).body(snapshot);
	}
}

package news.flashwire.ticker.widget;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.DigestUtils;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/** The embeddable widget: one script defining {@code <flashwire-ticker>}, cached briefly and revalidated by ETag. */
@RestController
class WidgetController {

	private static final MediaType JAVASCRIPT = MediaType.parseMediaType("text/javascript;charset=UTF-8");

	private final String script;

	private final String etag;

	WidgetController() {
		try {
			script = new ClassPathResource("widget/widget.js").getContentAsString(StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		etag = "\"" + DigestUtils.md5DigestAsHex(script.getBytes(StandardCharsets.UTF_8)) + "\"";
	}

	@GetMapping("/widget.js")
	ResponseEntity<String> widget(ServerWebExchange exchange) {
		if (exchange.checkNotModified(etag)) {
			return ResponseEntity.status(304).eTag(etag).build();
		}
		return ResponseEntity.ok()
			.contentType(JAVASCRIPT)
			.eTag(etag)
			.cacheControl(CacheControl.maxAge(Duration.ofMinutes(5)).cachePublic())
			.header("Access-Control-Allow-Origin", "*")
			.body(script);
	}
}

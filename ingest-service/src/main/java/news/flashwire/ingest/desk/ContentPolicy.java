package news.flashwire.ingest.desk;

/**
 * The page's Content-Security-Policy: its own scripts and the ticker's widget, connections to itself and the ticker's
 * streams, and nothing else (delivery progress comes through ingest itself).
 */
final class ContentPolicy {

	private ContentPolicy() {
	}

	static String of(DeskSettings settings) {
		String ticker = settings.tickerOrigin();
		// The widget styles its shadow root with a <style> element, which style-src must allow.
		return String.join("; ", "default-src 'none'", "script-src 'self' " + ticker, "style-src 'self' 'unsafe-inline'",
				"connect-src 'self' " + ticker, "img-src 'self' data:", "form-action 'self'",
				"frame-ancestors 'none'", "base-uri 'none'");
	}
}

package news.flashwire.ingest.desk;

/**
 * The page's Content-Security-Policy: its own scripts and the ticker's widget, connections to itself, the ticker's
 * streams and push-service's audit, and nothing else.
 */
final class ContentPolicy {

	private ContentPolicy() {
	}

	static String of(DeskSettings settings) {
		String ticker = settings.tickerOrigin();
		String push = settings.pushOrigin();
		// The widget styles its shadow root with a <style> element, which style-src must allow.
		return String.join("; ", "default-src 'none'", "script-src 'self' " + ticker, "style-src 'self' 'unsafe-inline'",
				"connect-src 'self' " + ticker + " " + push, "img-src 'self' data:", "form-action 'self'",
				"frame-ancestors 'none'", "base-uri 'none'");
	}
}

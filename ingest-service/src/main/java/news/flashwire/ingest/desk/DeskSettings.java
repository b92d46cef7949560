package news.flashwire.ingest.desk;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The newsroom page's settings.
 *
 * @param tickerUrl where the page loads the ticker widget and its streams from
 * @param pushUrl where ingest reads each alert's delivery audit from, for the page
 * @param pushAuditToken the bearer token push-service accepts for its audit ({@code flashwire.push.audit.tokens});
 * it stays on the server, never sent to a browser and never logged
 * @param sessionTimeout how long a signed-in page may stay idle before its session ends
 * @param editions the editions the page offers and shows tickers of
 */
@ConfigurationProperties("flashwire.ingest.newsroom")
record DeskSettings(@DefaultValue("http://127.0.0.1:8082") URI tickerUrl,
		@DefaultValue("http://127.0.0.1:8083") URI pushUrl, @Nullable String pushAuditToken,
		@DefaultValue("30m") Duration sessionTimeout, @DefaultValue({ "ar", "en" }) List<String> editions) {

	String tickerOrigin() {
		return origin(tickerUrl);
	}

	private static String origin(URI uri) {
		return uri.getScheme() + "://" + uri.getHost() + (uri.getPort() == -1 ? "" : ":" + uri.getPort());
	}

	@Override
	public String toString() {
		return "DeskSettings[tickerUrl=" + tickerUrl + ", pushUrl=" + pushUrl + ", pushAuditToken="
				+ (pushAuditToken == null || pushAuditToken.isBlank() ? "none" : "set") + ", sessionTimeout="
				+ sessionTimeout + ", editions=" + editions + "]";
	}
}

package news.flashwire.ticker.stream;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Limits on the streams one instance serves.
 *
 * @param maxConnections open streams per instance; past it a new one gets 503 and goes to another instance
 * @param maxConnectionsPerClient open streams per client address; past it a new one gets 429
 * @param maxEditionsPerStream editions one multi-edition stream may ask for
 */
@ConfigurationProperties("flashwire.ticker.streams")
record StreamSettings(@DefaultValue("20000") int maxConnections, @DefaultValue("32") int maxConnectionsPerClient,
		@DefaultValue("8") int maxEditionsPerStream) {
}

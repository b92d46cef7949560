package news.flashwire.ticker.headline;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The editions this ticker serves and how each stream behaves.
 *
 * @param editions language codes of the editions, e.g. ar, en
 * @param maxHeadlines lines per edition
 * @param history recent changes kept per edition for readers resuming with Last-Event-ID
 * @param clientBuffer changes queued for one reader before it counts as stalled and is dropped
 * @param heartbeat how often an idle stream gets a comment, so proxies keep it open
 * @param retry the reconnect delay hinted to browsers, before jitter
 * @param maxAge how long a story stays on the ticker at most, when it does not expire earlier by itself
 * @param expirySweep how often lines are checked for expiry
 */
@ConfigurationProperties("flashwire.ticker")
public record TickerSettings(@DefaultValue({ "ar", "en" }) List<String> editions, @DefaultValue("20") int maxHeadlines,
		@DefaultValue("1000") int history, @DefaultValue("256") int clientBuffer,
		@DefaultValue("15s") Duration heartbeat, @DefaultValue("3s") Duration retry,
		@DefaultValue("24h") Duration maxAge, @DefaultValue("10s") Duration expirySweep) {
}

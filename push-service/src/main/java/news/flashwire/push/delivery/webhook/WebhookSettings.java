package news.flashwire.push.delivery.webhook;

import java.time.Duration;
import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How webhooks are sent (the retry schedule is {@code flashwire.push.delivery.*}).
 *
 * @param allowedNetworks CIDR blocks that may be delivered to even though they are private or loopback (for local
 * tests and on-premises partners), e.g. 127.0.0.1/32
 * @param timeout how long one attempt may take
 * @param resolutionTtl how long what a host resolved to (and the guard's verdict on it) is reused
 * @param idleOrigin how long an origin (scheme, host, port) may go without a request before its connection pool is
 * dropped with its connections (the next request opens a new one)
 * @param eventLoops how many threads send webhooks and read their answers; 0 (the default) for one per processor, as
 * more threads than processors only add switches between them (measured in docs/BENCHMARKS.md)
 */
@ConfigurationProperties("flashwire.push.webhook")
public record WebhookSettings(@DefaultValue List<String> allowedNetworks, @DefaultValue("10s") Duration timeout,
		@DefaultValue("30s") Duration resolutionTtl, @DefaultValue("2m") Duration idleOrigin,
		@DefaultValue("0") int eventLoops) {

	public WebhookSettings {
		if (eventLoops < 0) {
			throw new IllegalArgumentException("flashwire.push.webhook.event-loops must be 0 (one per processor) or more");
		}
	}

	int eventLoopThreads() {
		return eventLoops > 0 ? eventLoops : Runtime.getRuntime().availableProcessors();
	}
}

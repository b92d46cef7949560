package news.flashwire.push.subscription;

import java.net.InetSocketAddress;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * Partners subscribe webhooks and browsers register Web Push subscriptions here; the subscription is on the
 * subscriptions topic before the answer, which is the only one ever to show its secret and token.
 */
@RestController
class SubscriptionController {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionController.class);

	private final NewSubscriptions subscriptions;

	private final SubscriptionWriter writer;

	private final CreationRateLimit rateLimit;

	SubscriptionController(NewSubscriptions subscriptions, SubscriptionWriter writer, CreationRateLimit rateLimit) {
		this.subscriptions = subscriptions;
		this.writer = writer;
		this.rateLimit = rateLimit;
	}

	@PostMapping("/v1/subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<SubscriptionView> subscribe(@RequestBody NewSubscription request, ServerWebExchange exchange) {
		rateLimit.acquire(clientAddress(exchange));
		NewSubscriptions.Created created = subscriptions.create(request);
		return writer.write(created.subscription()).map(subscription -> {
			log.info("Subscribed {} ({}) with filters {}", subscription.id(),
					subscription.webhook() != null ? "webhook" : "webpush", subscription.filters());
			return SubscriptionView.created(subscription, created.secret(), created.token());
		});
	}

	private static String clientAddress(ServerWebExchange exchange) {
		InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
		return remote == null || remote.getAddress() == null ? "unknown" : remote.getAddress().getHostAddress();
	}
}

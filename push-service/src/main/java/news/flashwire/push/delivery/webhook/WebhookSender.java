package news.flashwire.push.delivery.webhook;

import java.net.URI;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import org.springframework.web.reactive.function.client.WebClientResponseException;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventJson;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Delivers an alert to one webhook as a signed POST (Standard Webhooks: webhook-id, webhook-timestamp,
 * webhook-signature). The id is the same on every attempt, so the receiver can drop duplicates. Redirects are not
 * followed; a server error or timeout is retried with exponential backoff and jitter.
 */
@Component
public class WebhookSender {

	private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

	private final WebClient client;

	private final WebhookSettings settings;

	private final WebhookAddressGuard guard;

	WebhookSender(WebClient.Builder builder, WebhookSettings settings, WebhookAddressGuard guard) {
		this.client = builder.build();
		this.settings = settings;
		this.guard = guard;
	}

	/** Delivers to one endpoint; completes when delivered or given up (failures are logged, never thrown). */
	public Mono<Void> send(Alert alert, Endpoint endpoint) {
		String refusal = guard.refusalOf(endpoint.url());
		if (refusal != null) {
			log.warn("Not delivering {} to {}: {}", alert.deliveryId(), endpoint.subscriptionId(), refusal);
			return Mono.empty();
		}
		String body = EventJson.MAPPER.writeValueAsString(WebhookPayload.of(alert));
		return Mono.defer(() -> post(alert.deliveryId(), endpoint, body))
			.timeout(settings.timeout())
			.retryWhen(Retry.backoff(settings.attempts() - 1L, settings.firstRetry()).jitter(0.5).filter(this::isRetryable))
			.doOnSuccess(done -> log.info("Delivered {} to webhook {}", alert.deliveryId(), endpoint.subscriptionId()))
			.doOnError(ex -> log.warn("Gave up delivering {} to webhook {}: {}", alert.deliveryId(), endpoint.subscriptionId(),
					ex.toString()))
			.onErrorComplete();
	}

	private Mono<Void> post(String id, Endpoint endpoint, String body) {
		long timestamp = Instant.now().getEpochSecond();
		return client.post()
			.uri(endpoint.url())
			.contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", id)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(endpoint.secret(), id, timestamp, body))
			.bodyValue(body)
			.retrieve()
			.toBodilessEntity()
			.then();
	}

	/** Where one subscriber's webhooks go and the secret they are signed with. */
	public record Endpoint(String subscriptionId, URI url, String secret) {
	}

	private boolean isRetryable(Throwable error) {
		if (error instanceof WebClientResponseException response) {
			int status = response.getStatusCode().value();
			return status >= 500 || status == 429 || status == 408;
		}
		return true;
	}
}

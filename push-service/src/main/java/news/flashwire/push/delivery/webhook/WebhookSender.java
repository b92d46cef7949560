package news.flashwire.push.delivery.webhook;

import java.time.Instant;

import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import io.netty.channel.ChannelOption;
import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventJson;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.PermanentDeliveryFailure;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Makes one attempt to deliver an alert to one webhook as a signed POST (Standard Webhooks: webhook-id,
 * webhook-timestamp, webhook-signature). The id is the same on every attempt, so the receiver can drop duplicates.
 * Redirects are not followed; connections go only to addresses the guard checked, on every attempt. A server error,
 * 408, 429 or timeout is a {@link DeliveryFailure} (retried later); any other non-2xx a
 * {@link PermanentDeliveryFailure}.
 */
@Component
public class WebhookSender {

	private final WebClient client;

	private final WebhookSettings settings;

	private final WebhookAddressGuard guard;

	WebhookSender(WebClient.Builder builder, WebhookSettings settings, WebhookAddressGuard guard) {
		HttpClient http = HttpClient.create()
			.resolver(new GuardedResolverGroup(guard))
			.followRedirect(false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeout().toMillis())
			.responseTimeout(settings.timeout());
		this.client = builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
		this.settings = settings;
		this.guard = guard;
	}

	/** One attempt; completes when the endpoint answered 2xx. */
	public Mono<Void> send(String deliveryId, Alert alert, WebhookTarget target, String secret) {
		String refusal = guard.refusalOf(target.url());
		if (refusal != null) {
			return Mono.error(new PermanentDeliveryFailure(refusal));
		}
		String body = EventJson.MAPPER.writeValueAsString(WebhookPayload.of(alert));
		long timestamp = Instant.now().getEpochSecond();
		return client.post()
			.uri(target.url())
			.contentType(MediaType.APPLICATION_JSON)
			.header("webhook-id", deliveryId)
			.header("webhook-timestamp", Long.toString(timestamp))
			.header("webhook-signature", WebhookSignature.sign(secret, deliveryId, timestamp, body))
			.bodyValue(body)
			.exchangeToMono(response -> response.releaseBody().then(Mono.just(response.statusCode().value())))
			.timeout(settings.timeout().plusSeconds(1))
			.onErrorMap(ex -> !(ex instanceof PermanentDeliveryFailure), ex -> new DeliveryFailure(ex.toString()))
			.flatMap(WebhookSender::outcome);
	}

	private static Mono<Void> outcome(int status) {
		if (status >= 200 && status < 300) {
			return Mono.empty();
		}
		if (status >= 500 || status == 408 || status == 429) {
			return Mono.error(new DeliveryFailure("webhook answered " + status));
		}
		return Mono.error(new PermanentDeliveryFailure("webhook answered " + status));
	}
}

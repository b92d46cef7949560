package news.flashwire.push.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelOption;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventJson;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.DeliverySettings;
import news.flashwire.push.delivery.PermanentDeliveryFailure;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;
import reactor.netty.resources.ConnectionProvider;

/**
 * Makes one attempt to deliver an alert to one webhook as a signed POST (Standard Webhooks: webhook-id,
 * webhook-timestamp, webhook-signature). The id is the same on every attempt, so the receiver can drop duplicates.
 * Redirects are not followed; connections go only to addresses the guard checked. Connections are kept alive and
 * reused per host (at most {@code per-host-concurrency} each). A server error, 408, 429 or timeout is a
 * {@link DeliveryFailure} (retried later); any other non-2xx a {@link PermanentDeliveryFailure}.
 */
@Component
public class WebhookSender implements DisposableBean {

	private final ConnectionProvider connections;

	private final HttpClient http;

	private final WebhookSettings settings;

	private final WebhookAddressGuard guard;

	/** The body of the alert being fanned out: the same bytes for each of its webhooks. */
	private volatile @Nullable EncodedBody lastBody;

	WebhookSender(WebhookSettings settings, WebhookAddressGuard guard, DeliverySettings delivery) {
		this.connections = ConnectionProvider.builder("webhooks")
			.maxConnections(delivery.perHostConcurrency())
			.pendingAcquireMaxCount(-1)
			.maxIdleTime(Duration.ofSeconds(30))
			.evictInBackground(Duration.ofSeconds(30))
			.build();
		this.http = HttpClient.create(connections)
			.resolver(new GuardedResolverGroup(guard))
			.followRedirect(false)
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) settings.timeout().toMillis())
			.responseTimeout(settings.timeout());
		this.settings = settings;
		this.guard = guard;
	}

	/** One attempt; completes when the endpoint answered 2xx. */
	public Mono<Void> send(String deliveryId, Alert alert, WebhookTarget target, String secret) {
		String refusal = guard.refusalOf(target.url());
		if (refusal != null) {
			return Mono.error(new PermanentDeliveryFailure(refusal));
		}
		byte[] body = bodyOf(alert);
		long timestamp = Instant.now().getEpochSecond();
		String signature = WebhookSignature.sign(secret, deliveryId, timestamp, body);
		return http.post()
			.uri(target.url())
			.send((request, out) -> {
				request.header(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON)
					.header(HttpHeaderNames.CONTENT_LENGTH, Integer.toString(body.length))
					.header("webhook-id", deliveryId)
					.header("webhook-timestamp", Long.toString(timestamp))
					.header("webhook-signature", signature);
				return out.send(Mono.just(Unpooled.wrappedBuffer(body)));
			})
			.response((response, content) -> content.then(Mono.just(response.status().code())))
			.next()
			.timeout(settings.timeout().plusSeconds(1))
			.onErrorMap(ex -> !(ex instanceof PermanentDeliveryFailure), ex -> new DeliveryFailure(ex.toString()))
			.flatMap(WebhookSender::outcome);
	}

	private byte[] bodyOf(Alert alert) {
		EncodedBody last = lastBody;
		if (last != null && (last.alert() == alert || last.alert().equals(alert))) {
			return last.body();
		}
		byte[] body = EventJson.MAPPER.writeValueAsString(WebhookPayload.of(alert)).getBytes(StandardCharsets.UTF_8);
		lastBody = new EncodedBody(alert, body);
		return body;
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

	@Override
	public void destroy() {
		connections.disposeLater().block(Duration.ofSeconds(5));
	}

	private record EncodedBody(Alert alert, byte[] body) {
	}
}

package news.flashwire.push.delivery.webhook;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.netty.buffer.Unpooled;
import io.netty.handler.codec.http.DefaultFullHttpRequest;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpHeaders;
import io.netty.handler.codec.http.HttpMethod;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.AsciiString;
import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventJson;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.DeliverySettings;
import news.flashwire.push.delivery.PermanentDeliveryFailure;
import news.flashwire.push.delivery.webhook.WebhookConnections.Origin;
import reactor.core.publisher.Mono;

/**
 * Makes one attempt to deliver an alert to one webhook as a signed POST (Standard Webhooks: webhook-id,
 * webhook-timestamp, webhook-signature). The id is the same on every attempt, so the receiver can drop duplicates.
 * Redirects are not followed; connections go only to addresses the guard checked, https ones verify the host's
 * certificate. Connections are kept alive and reused per host (at most {@code per-host-concurrency} each, see
 * {@link WebhookConnections}). An alert's body and the headers that follow from it are made once for all its
 * webhooks; a request adds only its id, timestamp and signature. A server error, 408, 429 or timeout is a
 * {@link DeliveryFailure} (retried later); any other non-2xx a {@link PermanentDeliveryFailure}.
 */
@Component
public class WebhookSender implements DisposableBean {

	private static final AsciiString WEBHOOK_ID = AsciiString.cached("webhook-id");

	private static final AsciiString WEBHOOK_TIMESTAMP = AsciiString.cached("webhook-timestamp");

	private static final AsciiString WEBHOOK_SIGNATURE = AsciiString.cached("webhook-signature");

	private final WebhookConnections connections;

	private final WebhookSettings settings;

	private final WebhookAddressGuard guard;

	/** The body of the alert being fanned out: the same bytes for each of its webhooks. */
	private volatile @Nullable EncodedBody lastBody;

	@Autowired
	WebhookSender(WebhookSettings settings, WebhookAddressGuard guard, DeliverySettings delivery) throws SSLException {
		this(settings, guard, delivery, SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build());
	}

	WebhookSender(WebhookSettings settings, WebhookAddressGuard guard, DeliverySettings delivery, SslContext tls) {
		this.connections = new WebhookConnections(guard, tls, settings.timeout(), delivery.perHostConcurrency());
		this.settings = settings;
		this.guard = guard;
	}

	/** One attempt; completes when the endpoint answered 2xx. */
	public Mono<Void> send(String deliveryId, Alert alert, WebhookTarget target, String secret) {
		URI url = target.url();
		String refusal = guard.refusalOf(url);
		if (refusal != null) {
			return Mono.error(new PermanentDeliveryFailure(refusal));
		}
		EncodedBody body = bodyOf(alert);
		long timestamp = Instant.now().getEpochSecond();
		String signature = WebhookSignature.sign(secret, deliveryId, timestamp, body.bytes());
		Origin origin = Origin.of(url);
		String path = pathOf(url);
		return connections.exchange(origin, () -> {
			FullHttpRequest request = new DefaultFullHttpRequest(HttpVersion.HTTP_1_1, HttpMethod.POST, path,
					Unpooled.wrappedBuffer(body.bytes()));
			HttpHeaders headers = request.headers();
			headers.set(HttpHeaderNames.HOST, origin.authority());
			headers.set(HttpHeaderNames.CONTENT_TYPE, HttpHeaderValues.APPLICATION_JSON);
			headers.set(HttpHeaderNames.CONTENT_LENGTH, body.length());
			headers.set(WEBHOOK_ID, deliveryId);
			headers.set(WEBHOOK_TIMESTAMP, Long.toString(timestamp));
			headers.set(WEBHOOK_SIGNATURE, signature);
			return request;
		})
			.timeout(settings.timeout().plusSeconds(1))
			.onErrorMap(ex -> !(ex instanceof PermanentDeliveryFailure) && !(ex instanceof DeliveryFailure),
					ex -> new DeliveryFailure(ex.toString()))
			.flatMap(WebhookSender::outcome);
	}

	private static String pathOf(URI url) {
		String path = url.getRawPath() == null || url.getRawPath().isEmpty() ? "/" : url.getRawPath();
		return url.getRawQuery() == null ? path : path + "?" + url.getRawQuery();
	}

	private EncodedBody bodyOf(Alert alert) {
		EncodedBody last = lastBody;
		if (last != null && (last.alert() == alert || last.alert().equals(alert))) {
			return last;
		}
		byte[] bytes = EventJson.MAPPER.writeValueAsString(WebhookPayload.of(alert)).getBytes(StandardCharsets.UTF_8);
		EncodedBody body = new EncodedBody(alert, bytes, AsciiString.of(Integer.toString(bytes.length)));
		lastBody = body;
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
		connections.close();
	}

	private record EncodedBody(Alert alert, byte[] bytes, AsciiString length) {
	}
}

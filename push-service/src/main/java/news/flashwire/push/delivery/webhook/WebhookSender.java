package news.flashwire.push.delivery.webhook;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

import javax.crypto.SecretKey;
import javax.net.ssl.SSLException;

import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.AsciiString;
import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventJson;
import news.flashwire.push.delivery.Completion;
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

	private final WebhookConnections connections;

	private final WebhookAddressGuard guard;

	/** The body of the alert being fanned out: the same bytes for each of its webhooks. */
	private volatile @Nullable EncodedBody lastBody;

	@Autowired
	WebhookSender(WebhookSettings settings, WebhookAddressGuard guard, DeliverySettings delivery) throws SSLException {
		this(settings, guard, delivery, SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS").build());
	}

	WebhookSender(WebhookSettings settings, WebhookAddressGuard guard, DeliverySettings delivery, SslContext tls) {
		this.connections = new WebhookConnections(guard, tls, settings.timeout(), settings.idleOrigin(),
				delivery.perHostConcurrency(), settings.eventLoopThreads());
		this.guard = guard;
	}

	/** One attempt; completes when the endpoint answered 2xx. */
	public Mono<Void> send(String deliveryId, Alert alert, WebhookTarget target, String secret) {
		return Mono.create(sink -> send(deliveryId, alert, target, WebhookSignature.keyOf(secret), failure -> {
			if (failure == null) {
				sink.success();
			}
			else {
				sink.error(failure);
			}
		}));
	}

	/**
	 * One attempt, without a Reactor operator: {@code done} gets nothing when the endpoint answered 2xx, else a
	 * {@link DeliveryFailure} or a {@link PermanentDeliveryFailure}; called exactly once.
	 */
	public void send(String deliveryId, Alert alert, WebhookTarget target, SecretKey signingKey, Completion done) {
		URI url = target.url();
		String refusal = guard.refusalOf(url);
		if (refusal != null) {
			// A host that does not resolve now may resolve again (DNS can fail for a while): retried, not disabled.
			done.completed(WebhookAddressGuard.UNRESOLVED.equals(refusal) ? new DeliveryFailure(refusal)
					: new PermanentDeliveryFailure(refusal));
			return;
		}
		WebhookRequest request;
		Origin origin;
		try {
			EncodedBody body = bodyOf(alert);
			long timestamp = Instant.now().getEpochSecond();
			String signature = WebhookSignature.sign(signingKey, deliveryId, timestamp, body.bytes());
			request = new WebhookRequest(pathOf(url), body.direct(), body.length(), deliveryId, timestamp, signature);
			origin = Origin.of(url);
		}
		catch (RuntimeException ex) {
			done.completed(ex);
			return;
		}
		connections.exchange(origin, request,
				(status, failure) -> done.completed(failure != null ? failure : outcome(status)));
	}

	/** Origins whose connection pool is kept now (idle ones are dropped after {@code idle-origin}). */
	int pooledOrigins() {
		return connections.origins();
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
		// Direct, so the socket writes it as it is (a heap buffer would be copied into a direct one per request), and
		// unreleasable, so the requests' duplicates never free it; the garbage collector does, with the JDK's buffer.
		ByteBuf direct = Unpooled.unreleasableBuffer(
				Unpooled.wrappedBuffer(ByteBuffer.allocateDirect(bytes.length).put(bytes).flip()));
		EncodedBody body = new EncodedBody(alert, bytes, direct, AsciiString.of(Integer.toString(bytes.length)));
		lastBody = body;
		return body;
	}

	private static @Nullable RuntimeException outcome(int status) {
		if (status >= 200 && status < 300) {
			return null;
		}
		if (status >= 500 || status == 408 || status == 429) {
			return new DeliveryFailure("webhook answered " + status);
		}
		return new PermanentDeliveryFailure("webhook answered " + status);
	}

	@Override
	public void destroy() {
		connections.close();
	}

	private record EncodedBody(Alert alert, byte[] bytes, ByteBuf direct, AsciiString length) {
	}
}

package news.flashwire.push.delivery.webpush;

import java.time.Duration;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;

import com.zerodeplibs.webpush.EncryptedPushMessage;

import io.micrometer.core.instrument.MeterRegistry;
import news.flashwire.common.alert.Alert;
import news.flashwire.push.delivery.DeliveryExpired;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.PermanentDeliveryFailure;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * Makes one attempt to push an alert to a browser (RFC 8030) with an aes128gcm body (RFC 8291) and a VAPID
 * Authorization (RFC 8292). 201 (any 2xx) means accepted; 404/410 mean the subscription is gone; 400/413 cannot be
 * fixed by retrying; 401/403 are our VAPID problem, an alarm, never a reason to delete; 429 pauses the push service
 * for its Retry-After (a delivery to it waits, using no attempt, when the wait is short; else it goes to its next retry
 * unsent); 5xx and timeouts are retried until the TTL runs out.
 */
@Component
public class WebPushSender {

	private static final Logger log = LoggerFactory.getLogger(WebPushSender.class);

	/** The longest wait for a push service's Retry-After that a delivery sits out where it is. */
	private static final Duration LONGEST_WAIT_IN_PLACE = Duration.ofSeconds(5);

	/** What became of an attempt that did not fail. */
	public enum Result {
		ACCEPTED, GONE
	}

	private final WebClient client;

	private final WebPushMessages messages;

	private final VapidTokens tokens;

	private final PushServiceBackoff backoff;

	private final MeterRegistry meters;

	WebPushSender(WebClient.Builder builder, WebPushSettings settings, WebPushMessages messages, VapidTokens tokens,
			PushServiceBackoff backoff, MeterRegistry meters) {
		HttpClient http = HttpClient.create().followRedirect(false).responseTimeout(settings.timeout());
		this.client = builder.clone().clientConnector(new ReactorClientHttpConnector(http)).build();
		this.messages = messages;
		this.tokens = tokens;
		this.backoff = backoff;
		this.meters = meters;
	}

	public Mono<Result> send(String deliveryId, Alert alert, WebPushTarget target, Instant expiresAt) {
		String origin = target.origin();
		long ttl = Duration.between(Instant.now(), expiresAt).toSeconds();
		if (ttl <= 0) {
			return Mono.error(new DeliveryExpired("expired"));
		}
		Duration wait = backoff.remainingWait(origin);
		if (!wait.isZero()) {
			if (Instant.now().plus(wait).isAfter(expiresAt)) {
				return Mono.error(new DeliveryExpired("expired while " + origin + " asked us to wait (429)"));
			}
			if (wait.compareTo(LONGEST_WAIT_IN_PLACE) > 0) {
				// Not sent, and not waited for here either: a delivery waiting holds its host slot or an in-flight
				// place, and a push service's wait can be an hour. The retry schedule sends it after the wait.
				return Mono.error(new DeliveryFailure(origin + " asked us to wait " + wait.toSeconds() + " s (429)"));
			}
			// A short wait costs no attempt: the push service as a whole asked for it, not this subscription.
			return Mono.delay(wait).then(Mono.defer(() -> send(deliveryId, alert, target, expiresAt)));
		}
		EncryptedPushMessage message = messages.encrypt(target, messages.plaintext(deliveryId, alert));
		return client.post()
			.uri(target.endpoint())
			.header(HttpHeaders.AUTHORIZATION, tokens.authorization(origin))
			.header("TTL", Long.toString(ttl))
			.header("Urgency", WebPushMessages.urgency(alert.story().urgency()))
			.header("Topic", WebPushMessages.topic(alert.storyId()))
			.header(HttpHeaders.CONTENT_ENCODING, message.contentEncoding())
			.header(HttpHeaders.CONTENT_TYPE, message.mediaType())
			.bodyValue(message.toBytes())
			.exchangeToMono(response -> response.releaseBody().thenReturn(response))
			.onErrorMap(ex -> new DeliveryFailure(ex.toString()))
			.flatMap(response -> outcome(origin, response));
	}

	private Mono<Result> outcome(String origin, ClientResponse response) {
		int status = response.statusCode().value();
		if (status >= 200 && status < 300) {
			return Mono.just(Result.ACCEPTED);
		}
		if (status == 404 || status == 410) {
			return Mono.just(Result.GONE);
		}
		if (status == 429) {
			backoff.tooManyRequests(origin, response.headers().asHttpHeaders().getFirst(HttpHeaders.RETRY_AFTER));
			return Mono.error(new DeliveryFailure(origin + " answered 429"));
		}
		if (status == 401 || status == 403) {
			meters.counter("flashwire.push.webpush.vapid.rejected", "origin", origin).increment();
			log.error("ALARM: {} refused our VAPID authorization ({}); check flashwire.push.webpush.vapid-* keys", origin,
					status);
			return Mono.error(new PermanentDeliveryFailure(origin + " refused VAPID (" + status + ")"));
		}
		if (status >= 500) {
			return Mono.error(new DeliveryFailure(origin + " answered " + status));
		}
		return Mono.error(new PermanentDeliveryFailure(origin + " answered " + status));
	}
}

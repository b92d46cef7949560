package news.flashwire.push.subscription;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.delivery.webhook.WebhookAddressGuard;
import reactor.core.publisher.Mono;

/** Partners subscribe webhooks here; the subscription is on the subscriptions topic before the answer. */
@RestController
class SubscriptionController {

	private static final Logger log = LoggerFactory.getLogger(SubscriptionController.class);

	private static final SecureRandom RANDOM = new SecureRandom();

	private static final int MAX_URL_LENGTH = 2048;

	private final KafkaTemplate<String, Object> kafka;

	private final WebhookAddressGuard guard;

	SubscriptionController(KafkaTemplate<String, Object> kafka, WebhookAddressGuard guard) {
		this.kafka = kafka;
		this.guard = guard;
	}

	@PostMapping("/v1/subscriptions")
	@ResponseStatus(HttpStatus.CREATED)
	Mono<CreatedSubscription> subscribe(@RequestBody NewSubscription request) {
		URI url = webhookUrl(request.url());
		Set<String> editions = editions(request.editions());
		Urgency minimumUrgency = request.minimumUrgency() != null ? request.minimumUrgency() : Urgency.URGENT;
		String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes());
		String token = "fwt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
		Subscription subscription = new Subscription("sub_" + UUID.randomUUID(), url, secret, sha256(token), editions,
				minimumUrgency, Instant.now());
		return Mono.fromFuture(kafka.send(Topics.SUBSCRIPTIONS, subscription.id(), subscription)).map(sent -> {
			log.info("Subscribed webhook {} to editions {} from {}", subscription.id(),
					editions.isEmpty() ? "all" : editions, minimumUrgency);
			return new CreatedSubscription(subscription.id(), url.toString(), editions, minimumUrgency, secret, token);
		});
	}

	private URI webhookUrl(@Nullable String url) {
		if (url == null || url.isBlank() || url.length() > MAX_URL_LENGTH) {
			throw new InvalidSubscription("url is required (at most " + MAX_URL_LENGTH + " characters)");
		}
		URI uri;
		try {
			uri = URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSubscription("url is not a valid URL");
		}
		String refusal = guard.refusalOf(uri);
		if (refusal != null) {
			throw new InvalidSubscription(refusal);
		}
		return uri;
	}

	private static Set<String> editions(@Nullable Set<String> editions) {
		if (editions == null) {
			return Set.of();
		}
		try {
			return editions.stream().map(code -> Edition.of(code).code()).collect(java.util.stream.Collectors.toSet());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidSubscription("editions must be language codes such as 'ar' or 'en'");
		}
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}

	static String sha256(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

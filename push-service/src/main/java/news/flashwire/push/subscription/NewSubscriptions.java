package news.flashwire.push.subscription;

import java.net.URI;
import java.time.Instant;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import news.flashwire.push.delivery.webhook.WebhookAddressGuard;
import news.flashwire.push.delivery.webhook.WebhookTarget;
import news.flashwire.push.delivery.webpush.WebPushEndpoints;
import news.flashwire.push.delivery.webpush.WebPushTarget;
import news.flashwire.push.secret.SecretSeal;

/** Turns a request into a subscription with a fresh id, management token and (for webhooks) signing secret. */
@Component
class NewSubscriptions {

	private static final int MAX_URL_LENGTH = 2048;

	private final WebhookAddressGuard guard;

	private final WebPushEndpoints webPush;

	private final SecretSeal seal;

	NewSubscriptions(WebhookAddressGuard guard, WebPushEndpoints webPush, SecretSeal seal) {
		this.guard = guard;
		this.webPush = webPush;
		this.seal = seal;
	}

	/** A subscription and the secret and token shown once. */
	record Created(Subscription subscription, @Nullable String secret, String token) {
	}

	Created create(NewSubscription request) {
		Filters filters = FilterRequests.of(request.editions(), request.languages(), request.categories(),
				request.minimumUrgency(), request.quietHours());
		String id = "sub_" + UUID.randomUUID();
		String token = ManagementToken.generate();
		if ((request.url() == null) == (request.pushSubscription() == null)) {
			throw new InvalidSubscription("give either a webhook 'url' or a browser's 'pushSubscription'");
		}
		if (request.url() != null) {
			String secret = ManagementToken.webhookSecret();
			WebhookTarget webhook = new WebhookTarget(webhookUrl(request.url()), seal.seal(id, secret));
			return new Created(subscription(id, webhook, null, token, filters), secret, token);
		}
		WebPushTarget target = webPushTarget(request.pushSubscription());
		return new Created(subscription(id, null, target, token, filters), null, token);
	}

	private static Subscription subscription(String id, @Nullable WebhookTarget webhook, @Nullable WebPushTarget webPush,
			String token, Filters filters) {
		return new Subscription(id, webhook, webPush, ManagementToken.hash(token), filters, Instant.now(), null);
	}

	private URI webhookUrl(String url) {
		URI uri = uri(url, "url");
		String refusal = guard.refusalOf(uri);
		if (refusal != null) {
			throw new InvalidSubscription(refusal);
		}
		return uri;
	}

	private WebPushTarget webPushTarget(NewSubscription.@Nullable BrowserSubscription browser) {
		if (browser == null || browser.endpoint() == null || browser.keys() == null || browser.keys().p256dh() == null
				|| browser.keys().auth() == null) {
			throw new InvalidSubscription("pushSubscription needs endpoint, keys.p256dh and keys.auth");
		}
		WebPushTarget target = new WebPushTarget(uri(browser.endpoint(), "pushSubscription.endpoint"),
				browser.keys().p256dh().strip(), browser.keys().auth().strip());
		String refusal = webPush.refusalOf(target);
		if (refusal != null) {
			throw new InvalidSubscription(refusal);
		}
		return target;
	}

	private static URI uri(String url, String name) {
		if (url.isBlank() || url.length() > MAX_URL_LENGTH) {
			throw new InvalidSubscription(name + " is required (at most " + MAX_URL_LENGTH + " characters)");
		}
		try {
			return URI.create(url.strip());
		}
		catch (IllegalArgumentException ex) {
			throw new InvalidSubscription(name + " is not a valid URL");
		}
	}
}

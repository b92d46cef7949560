package news.flashwire.push.delivery.webpush;

import java.net.URI;
import java.util.Objects;

/** A browser's PushSubscription: where its push service takes messages and the keys to encrypt them for it. */
public record WebPushTarget(URI endpoint, String p256dh, String auth) {

	public WebPushTarget {
		Objects.requireNonNull(endpoint, "endpoint is required");
		Objects.requireNonNull(p256dh, "p256dh is required");
		Objects.requireNonNull(auth, "auth is required");
	}

	/** The push service's origin, which VAPID tokens and Retry-After apply to. */
	public String origin() {
		int port = endpoint.getPort();
		return endpoint.getScheme() + "://" + endpoint.getHost() + (port < 0 ? "" : ":" + port);
	}
}

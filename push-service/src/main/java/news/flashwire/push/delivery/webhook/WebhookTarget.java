package news.flashwire.push.delivery.webhook;

import java.net.URI;
import java.util.Objects;

/** A partner's webhook URL and its signing secret, sealed (see {@code SecretSeal}); never the plain secret. */
public record WebhookTarget(URI url, String sealedSecret) {

	public WebhookTarget {
		Objects.requireNonNull(url, "url is required");
		Objects.requireNonNull(sealedSecret, "sealedSecret is required");
	}
}

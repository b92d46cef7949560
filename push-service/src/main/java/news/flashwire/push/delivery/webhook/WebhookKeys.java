package news.flashwire.push.delivery.webhook;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.SecretKey;

import org.springframework.stereotype.Component;

import news.flashwire.push.secret.SecretSeal;

/**
 * The signing keys of the webhooks, each opened from its sealed secret once and kept in memory, where every delivery
 * would otherwise open it again (an AES-GCM decryption, a base64 decoding and a key of its own: more work and garbage
 * than the signature). A key is kept with the sealed secret it came from, so a subscription whose secret changes gets
 * the new one. At most {@value #MAX_KEYS} are kept; past that, all are forgotten and opened again as needed.
 */
@Component
public class WebhookKeys {

	static final int MAX_KEYS = 1 << 20;

	private final SecretSeal seal;

	private final Map<String, OpenedKey> bySubscription = new ConcurrentHashMap<>();

	WebhookKeys(SecretSeal seal) {
		this.seal = seal;
	}

	/**
	 * The key that signs the subscription's webhook deliveries; an {@link IllegalStateException} when its secret cannot
	 * be opened (sealed under another key, or for another subscription).
	 */
	public SecretKey keyOf(String subscriptionId, WebhookTarget target) {
		String sealed = target.sealedSecret();
		OpenedKey known = bySubscription.get(subscriptionId);
		if (known != null && known.sealed().equals(sealed)) {
			return known.key();
		}
		SecretKey key = WebhookSignature.keyOf(seal.open(subscriptionId, sealed));
		if (bySubscription.size() >= MAX_KEYS) {
			bySubscription.clear();
		}
		bySubscription.put(subscriptionId, new OpenedKey(sealed, key));
		return key;
	}

	int size() {
		return bySubscription.size();
	}

	private record OpenedKey(String sealed, SecretKey key) {
	}
}

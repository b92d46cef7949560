package news.flashwire.push.delivery.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.InvalidKeyException;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The Standard Webhooks v1 signature: {@code v1,} base64(HMAC-SHA256(key, "id.timestamp.body")), the key being the
 * base64 part of the {@code whsec_} secret. The JDK's HMAC, one {@link Mac} per thread (looking one up costs more
 * than signing an alert); checked against the specification's vectors, and receivers' tests verify with the official
 * library.
 */
final class WebhookSignature {

	private static final String PREFIX = "whsec_";

	private static final ThreadLocal<Mac> MACS = ThreadLocal.withInitial(() -> {
		try {
			return Mac.getInstance("HmacSHA256");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HmacSHA256 is not available", ex);
		}
	});

	private WebhookSignature() {
	}

	static String sign(String secret, String id, long timestamp, String body) {
		return sign(keyOf(secret), id, timestamp, body.getBytes(StandardCharsets.UTF_8));
	}

	/** The HMAC key of a {@code whsec_} secret (or of its base64 part alone). */
	static SecretKey keyOf(String secret) {
		try {
			return new SecretKeySpec(
					Base64.getDecoder().decode(secret.startsWith(PREFIX) ? secret.substring(PREFIX.length()) : secret),
					"HmacSHA256");
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("cannot sign with the subscription's secret", ex);
		}
	}

	/** Signs a body already encoded as UTF-8 (one alert's body is encoded once for all its webhooks). */
	static String sign(SecretKey key, String id, long timestamp, byte[] body) {
		Mac mac = MACS.get();
		try {
			mac.init(key);
		}
		catch (InvalidKeyException ex) {
			throw new IllegalStateException("cannot sign with the subscription's secret", ex);
		}
		mac.update((id + "." + timestamp + ".").getBytes(StandardCharsets.UTF_8));
		mac.update(body);
		return "v1," + Base64.getEncoder().encodeToString(mac.doFinal());
	}
}

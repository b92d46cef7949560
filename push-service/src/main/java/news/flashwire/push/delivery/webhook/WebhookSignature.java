package news.flashwire.push.delivery.webhook;

import com.standardwebhooks.Webhook;
import com.standardwebhooks.exceptions.WebhookSigningException;

/** The Standard Webhooks v1 signature (HMAC-SHA256 over "id.timestamp.body"), by the official library. */
final class WebhookSignature {

	private WebhookSignature() {
	}

	static String sign(String secret, String id, long timestamp, String body) {
		try {
			return new Webhook(secret).sign(id, timestamp, body);
		}
		catch (WebhookSigningException ex) {
			throw new IllegalStateException("cannot sign with the subscription's secret", ex);
		}
	}
}

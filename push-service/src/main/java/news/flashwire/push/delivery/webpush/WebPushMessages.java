package news.flashwire.push.delivery.webpush;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

import org.springframework.stereotype.Component;

import com.zerodeplibs.webpush.EncryptedPushMessage;
import com.zerodeplibs.webpush.MessageEncryption;
import com.zerodeplibs.webpush.MessageEncryptions;
import com.zerodeplibs.webpush.PushMessage;
import com.zerodeplibs.webpush.UserAgentMessageEncryptionKeyInfo;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;

/** Web Push message bodies: the alert as JSON, encrypted (RFC 8291, aes128gcm) for one browser. */
@Component
public class WebPushMessages {

	/** Plaintext limit: under 2 KB, which keeps the encrypted body well inside every push service's limit. */
	static final int MAX_PLAINTEXT = 2000;

	// zerodep's encryption keeps a Mac and is not thread-safe: one per thread.
	private final ThreadLocal<MessageEncryption> encryption = ThreadLocal.withInitial(MessageEncryptions::of);

	WebPushMessages() {
		FastCrypto.install();
	}

	EncryptedPushMessage encrypt(WebPushTarget target, byte[] plaintext) {
		return encryption.get()
			.encrypt(UserAgentMessageEncryptionKeyInfo.of(target.p256dh(), target.auth()), PushMessage.of(plaintext));
	}

	byte[] plaintext(String deliveryId, Alert alert) {
		return WebPushPayload.of(deliveryId, alert).toJson(MAX_PLAINTEXT);
	}

	/**
	 * RFC 8030 §5.4 Topic: the same for every alert about a story (new, correction, kill), so a device that has not
	 * shown the first yet shows only the latest. 32 base64url characters, the most a push service takes.
	 */
	static String topic(StoryId storyId) {
		try {
			byte[] digest = MessageDigest.getInstance("SHA-256").digest(storyId.value().getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 24));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** RFC 8030 §5.3 Urgency: breaking news wakes the device. */
	static String urgency(Urgency urgency) {
		return urgency == Urgency.BREAKING ? "high" : "normal";
	}
}

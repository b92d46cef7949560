package news.flashwire.push.secret;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;

import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Seals a secret with AES-256-GCM under the configured key, bound to the subscription it belongs to (the id is the
 * associated data, so a sealed secret copied onto another subscription does not open). Sealed form:
 * {@code v1.} base64url(nonce || ciphertext || tag).
 */
@Component
public class SecretSeal {

	private static final Logger log = LoggerFactory.getLogger(SecretSeal.class);

	private static final String PREFIX = "v1.";

	private static final int NONCE_LENGTH = 12;

	private static final int TAG_LENGTH = 16;

	private static final SecureRandom RANDOM = new SecureRandom();

	// One cipher per thread: looking one up costs more than opening a secret (once per subscription, then kept).
	private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
		try {
			return Cipher.getInstance("AES/GCM/NoPadding");
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("AES/GCM is not available", ex);
		}
	});

	private final SecretKeySpec key;

	public SecretSeal(SecretSettings settings) {
		this.key = new SecretKeySpec(keyBytes(settings), "AES");
	}

	public String seal(String subscriptionId, String secret) {
		byte[] nonce = new byte[NONCE_LENGTH];
		RANDOM.nextBytes(nonce);
		byte[] sealed = run(Cipher.ENCRYPT_MODE, nonce, subscriptionId, secret.getBytes(StandardCharsets.UTF_8));
		byte[] out = Arrays.copyOf(nonce, NONCE_LENGTH + sealed.length);
		System.arraycopy(sealed, 0, out, NONCE_LENGTH, sealed.length);
		return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out);
	}

	/** The secret, or an {@link IllegalStateException} when it was sealed under another key or for another id. */
	public String open(String subscriptionId, String sealed) {
		if (!sealed.startsWith(PREFIX)) {
			throw new IllegalStateException("not a sealed secret");
		}
		byte[] bytes;
		try {
			bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
		}
		catch (IllegalArgumentException ex) {
			throw new IllegalStateException("not a sealed secret", ex);
		}
		if (bytes.length < NONCE_LENGTH + TAG_LENGTH) {
			throw new IllegalStateException("not a sealed secret");
		}
		byte[] nonce = Arrays.copyOf(bytes, NONCE_LENGTH);
		byte[] body = Arrays.copyOfRange(bytes, NONCE_LENGTH, bytes.length);
		return new String(run(Cipher.DECRYPT_MODE, nonce, subscriptionId, body), StandardCharsets.UTF_8);
	}

	private byte[] run(int mode, byte[] nonce, String subscriptionId, byte[] input) {
		try {
			Cipher cipher = CIPHERS.get();
			cipher.init(mode, key, new GCMParameterSpec(TAG_LENGTH * 8, nonce));
			cipher.updateAAD(subscriptionId.getBytes(StandardCharsets.UTF_8));
			return cipher.doFinal(input);
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("cannot " + (mode == Cipher.ENCRYPT_MODE ? "seal" : "open")
					+ " the secret of " + subscriptionId + " (is flashwire.push.secrets.key the same everywhere?)", ex);
		}
	}

	private static byte[] keyBytes(SecretSettings settings) {
		if (settings.key() == null || settings.key().isBlank()) {
			log.warn("flashwire.push.secrets.key is not set: webhook secrets are sealed with a random key that only "
					+ "this run of this instance knows. Set a base64 32-byte key on every instance.");
			byte[] random = new byte[32];
			RANDOM.nextBytes(random);
			return random;
		}
		byte[] bytes = Base64.getDecoder().decode(settings.key().strip());
		if (bytes.length != 32) {
			throw new IllegalArgumentException("flashwire.push.secrets.key must be 32 bytes, base64-encoded");
		}
		return bytes;
	}
}

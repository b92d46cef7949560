package news.flashwire.push.subscription;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import org.jspecify.annotations.Nullable;

/** A subscription's own management token ({@code fwt_…}): shown once, kept only as its SHA-256. */
final class ManagementToken {

	private static final SecureRandom RANDOM = new SecureRandom();

	private ManagementToken() {
	}

	static String generate() {
		return "fwt_" + Base64.getUrlEncoder().withoutPadding().encodeToString(randomBytes());
	}

	static String webhookSecret() {
		return "whsec_" + Base64.getEncoder().encodeToString(randomBytes());
	}

	static String hash(String token) {
		try {
			return HexFormat.of()
				.formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	/** The bearer token of an Authorization header, or null. */
	static @Nullable String bearer(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return null;
		}
		String token = authorization.substring(7).strip();
		return token.isEmpty() ? null : token;
	}

	static boolean matches(String token, String tokenHash) {
		return MessageDigest.isEqual(hash(token).getBytes(StandardCharsets.US_ASCII),
				tokenHash.getBytes(StandardCharsets.US_ASCII));
	}

	private static byte[] randomBytes() {
		byte[] bytes = new byte[32];
		RANDOM.nextBytes(bytes);
		return bytes;
	}
}

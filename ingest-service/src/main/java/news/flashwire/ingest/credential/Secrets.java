package news.flashwire.ingest.credential;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Locale;

import org.springframework.security.crypto.keygen.Base64StringKeyGenerator;
import org.springframework.security.crypto.keygen.StringKeyGenerator;

/**
 * Secrets the service makes (256 random bits, base64url: 43 characters) and the rules for one a caller chooses: long
 * enough, not built on the credential's name, not a run of a few characters, and within bcrypt's 72 bytes (bcrypt
 * ignores the rest, so a longer one would be weaker than it looks).
 */
final class Secrets {

	static final int MAX_BYTES = 72;

	private static final int MIN_DISTINCT = 8;

	private final StringKeyGenerator generator = new Base64StringKeyGenerator(Base64.getUrlEncoder().withoutPadding(),
			32);

	private final int minimumLength;

	Secrets(int minimumLength) {
		this.minimumLength = minimumLength;
	}

	String generate() {
		return generator.generateKey();
	}

	void check(String name, String secret) {
		if (secret.codePointCount(0, secret.length()) < minimumLength) {
			throw new CredentialUnacceptable("a secret needs at least " + minimumLength + " characters");
		}
		if (secret.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
			throw new CredentialUnacceptable("a secret may have at most " + MAX_BYTES + " bytes in UTF-8");
		}
		if (secret.codePoints().anyMatch(Character::isISOControl)) {
			throw new CredentialUnacceptable("a secret may not contain control characters");
		}
		if (secret.toLowerCase(Locale.ROOT).contains(name.toLowerCase(Locale.ROOT))) {
			throw new CredentialUnacceptable("a secret may not contain the credential's name");
		}
		if (secret.codePoints().distinct().count() < MIN_DISTINCT) {
			throw new CredentialUnacceptable("a secret needs at least " + MIN_DISTINCT + " different characters");
		}
	}
}

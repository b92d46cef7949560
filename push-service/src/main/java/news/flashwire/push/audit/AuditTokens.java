package news.flashwire.push.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The read tokens of the audit, kept only as SHA-256 digests and compared in constant time. The tokens themselves are
 * never logged.
 */
@Component
class AuditTokens {

	private static final Logger log = LoggerFactory.getLogger(AuditTokens.class);

	private final List<byte[]> digests;

	AuditTokens(AuditSettings settings) {
		this.digests = settings.tokens().stream().map(AuditTokens::digest).toList();
		if (digests.isEmpty()) {
			log.warn("No flashwire.push.audit.tokens configured: GET /v1/alerts/{id}/deliveries refuses every caller");
		}
	}

	/** Whether an {@code Authorization} header carries one of the configured tokens as a Bearer credential. */
	boolean accept(@Nullable String authorization) {
		if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
			return false;
		}
		byte[] presented = digest(authorization.substring(7).strip());
		boolean accepted = false;
		for (byte[] digest : digests) {
			accepted |= MessageDigest.isEqual(digest, presented);
		}
		return accepted;
	}

	private static byte[] digest(String token) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

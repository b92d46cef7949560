package news.flashwire.ingest.system;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;

import reactor.core.publisher.Mono;

/**
 * HTTP Basic sends the password with every request, and checking a bcrypt hash costs tens of milliseconds of CPU:
 * paid per story it would cap ingest at a few dozen posts a second per core. A credential that checked out is
 * remembered for a short while, by a salted digest only (never the password), so an agency's next posts skip the
 * hash; a wrong password is never remembered and is checked in full every time.
 */
class VerifiedCredentials implements ReactiveAuthenticationManager {

	private static final int MAX_REMEMBERED = 10_000;

	private final ReactiveAuthenticationManager check;

	private final Duration remembered;

	private final Clock clock;

	private final byte[] salt = new byte[32];

	private final Map<String, Verified> verified = new ConcurrentHashMap<>();

	private final AtomicLong changes = new AtomicLong();

	VerifiedCredentials(ReactiveAuthenticationManager check, Duration remembered, Clock clock) {
		this.check = check;
		this.remembered = remembered;
		this.clock = clock;
		new SecureRandom().nextBytes(salt);
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		if (!(authentication instanceof UsernamePasswordAuthenticationToken)
				|| !(authentication.getCredentials() instanceof String password)) {
			return check.authenticate(authentication);
		}
		String key = digest(authentication.getName(), password);
		Verified known = verified.get(key);
		if (known != null && known.until().isAfter(clock.instant())) {
			return Mono.just(known.authentication());
		}
		long changesBefore = changes.get();
		return check.authenticate(authentication).doOnNext(result -> remember(key, result, changesBefore));
	}

	/**
	 * A credential changed (rotated, disabled, deleted): forget every remembered one, and every check still running,
	 * which may have read the credential before the change.
	 */
	void forgetAll() {
		changes.incrementAndGet();
		verified.clear();
	}

	private void remember(String key, Authentication result, long changesBefore) {
		if (verified.size() >= MAX_REMEMBERED) {
			verified.clear();
		}
		verified.put(key, new Verified(result, clock.instant().plus(remembered)));
		// Checked after the put: a change between the check and the put is seen here, one after it cleared the put.
		if (changes.get() != changesBefore) {
			verified.remove(key);
		}
	}

	private String digest(String name, String password) {
		try {
			MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
			sha256.update(salt);
			sha256.update(name.getBytes(StandardCharsets.UTF_8));
			sha256.update((byte) 0);
			return HexFormat.of().formatHex(sha256.digest(password.getBytes(StandardCharsets.UTF_8)));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private record Verified(Authentication authentication, Instant until) {
	}
}

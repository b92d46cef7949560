package news.flashwire.push.delivery.webpush;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

import com.zerodeplibs.webpush.jwt.VAPIDJWTParam;

/**
 * The VAPID Authorization header per push-service origin (RFC 8292: the JWT's audience is the origin), signed once
 * and reused until an hour before it expires; signing per message would cost more than encrypting it.
 */
@Component
class VapidTokens {

	static final Duration LIFETIME = Duration.ofHours(12);

	private static final Duration RENEW_BEFORE = Duration.ofHours(1);

	private final Map<String, Token> byOrigin = new ConcurrentHashMap<>();

	private final VapidKeys keys;

	private final String subject;

	private final Clock clock;

	@Autowired
	VapidTokens(VapidKeys keys, WebPushSettings settings) {
		this(keys, settings.subject(), Clock.systemUTC());
	}

	VapidTokens(VapidKeys keys, String subject, Clock clock) {
		this.keys = keys;
		this.subject = subject;
		this.clock = clock;
	}

	String authorization(String origin) {
		Instant now = clock.instant();
		return byOrigin.compute(origin, (key, token) -> token != null && now.isBefore(token.renewAt()) ? token
				: sign(origin, now)).header();
	}

	private Token sign(String origin, Instant now) {
		Instant expires = now.plus(LIFETIME);
		String header = keys.pair()
			.generateAuthorizationHeaderValue(
					VAPIDJWTParam.getBuilder().resourceURLString(origin).expirationTime(expires).subject(subject).build());
		return new Token(header, expires.minus(RENEW_BEFORE));
	}

	private record Token(String header, Instant renewAt) {
	}
}

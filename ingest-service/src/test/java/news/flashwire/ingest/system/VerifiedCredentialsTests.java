package news.flashwire.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.AuthorityUtils;

import reactor.core.publisher.Mono;
import reactor.test.StepVerifier;

class VerifiedCredentialsTests {

	private final AtomicInteger fullChecks = new AtomicInteger();

	private final ReactiveAuthenticationManager passwordHash = authentication -> {
		fullChecks.incrementAndGet();
		if (!"afp-secret".equals(authentication.getCredentials())) {
			return Mono.error(new BadCredentialsException("wrong"));
		}
		return Mono.just(UsernamePasswordAuthenticationToken.authenticated(authentication.getName(), null,
				AuthorityUtils.createAuthorityList("ROLE_AGENCY")));
	};

	private Instant now = Instant.parse("2026-11-29T10:00:00Z");

	private final VerifiedCredentials credentials = new VerifiedCredentials(passwordHash, Duration.ofMinutes(5),
			new Clock() {
				@Override
				public Instant instant() {
					return now;
				}

				@Override
				public java.time.ZoneId getZone() {
					return ZoneOffset.UTC;
				}

				@Override
				public Clock withZone(java.time.ZoneId zone) {
					return this;
				}
			});

	@Test
	void checksTheHashOnceForAnAgencysRepeatedPosts() {
		for (int post = 0; post < 5; post++) {
			StepVerifier.create(credentials.authenticate(login("afp", "afp-secret")))
				.assertNext(result -> assertThat(result.getAuthorities()).extracting("authority").containsExactly("ROLE_AGENCY"))
				.verifyComplete();
		}

		assertThat(fullChecks).hasValue(1);
	}

	@Test
	void checksAWrongPasswordInFullEveryTime() {
		credentials.authenticate(login("afp", "afp-secret")).block();

		for (int attempt = 0; attempt < 3; attempt++) {
			StepVerifier.create(credentials.authenticate(login("afp", "guess")))
				.expectError(BadCredentialsException.class)
				.verify();
		}

		assertThat(fullChecks).hasValue(4);
	}

	@Test
	void checksAgainOnceTheRememberedTimeIsOver() {
		credentials.authenticate(login("afp", "afp-secret")).block();
		now = now.plus(Duration.ofMinutes(6));

		credentials.authenticate(login("afp", "afp-secret")).block();

		assertThat(fullChecks).hasValue(2);
	}

	@Test
	void forgetsEveryRememberedCredentialWhenOneChanges() {
		credentials.authenticate(login("afp", "afp-secret")).block();

		credentials.forgetAll();
		credentials.authenticate(login("afp", "afp-secret")).block();

		assertThat(fullChecks).hasValue(2);
	}

	@Test
	void remembersNoCheckThatAChangeOvertook() {
		AtomicReference<VerifiedCredentials> racing = new AtomicReference<>();
		racing.set(new VerifiedCredentials(
				authentication -> passwordHash.authenticate(authentication).doOnNext(result -> racing.get().forgetAll()),
				Duration.ofMinutes(5), Clock.systemUTC()));

		racing.get().authenticate(login("afp", "afp-secret")).block();
		racing.get().authenticate(login("afp", "afp-secret")).block();

		assertThat(fullChecks).as("a secret rotated while it was being checked is checked again").hasValue(2);
	}

	private static UsernamePasswordAuthenticationToken login(String name, String password) {
		return UsernamePasswordAuthenticationToken.unauthenticated(name, password);
	}
}

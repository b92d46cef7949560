package news.flashwire.push.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

class AuditTokensTests {

	private final AuditTokens tokens = new AuditTokens(new AuditSettings(List.of("read-token", " "), 10));

	@Test
	void acceptsAConfiguredTokenAsABearerCredential() {
		assertThat(tokens.accept("Bearer read-token")).isTrue();
		assertThat(tokens.accept("bearer read-token")).isTrue();
	}

	@Test
	void refusesMissingWrongAndMalformedCredentials() {
		assertThat(tokens.accept(null)).isFalse();
		assertThat(tokens.accept("")).isFalse();
		assertThat(tokens.accept("Bearer")).isFalse();
		assertThat(tokens.accept("Bearer ")).isFalse();
		assertThat(tokens.accept("Bearer read-token-but-longer")).isFalse();
		assertThat(tokens.accept("Basic cmVhZC10b2tlbg==")).isFalse();
		assertThat(tokens.accept("read-token")).isFalse();
		assertThat(tokens.accept("Bearer " + "x".repeat(100_000))).isFalse();
	}

	@Test
	void refusesEveryoneWhenNoTokenIsConfigured() {
		AuditTokens none = new AuditTokens(new AuditSettings(List.of(), 10));

		assertThat(none.accept("Bearer ")).isFalse();
		assertThat(none.accept("Bearer anything")).isFalse();
	}

	@Test
	void neverShowsTheTokensInItsSettings() {
		assertThat(new AuditSettings(List.of("read-token"), 10).toString()).doesNotContain("read-token");
	}
}

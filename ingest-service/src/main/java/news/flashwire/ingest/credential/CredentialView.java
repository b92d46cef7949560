package news.flashwire.ingest.credential;

import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A credential as the admin API shows it: never its hash. {@code secret} is there once only, in the answer that made
 * or rotated it with a secret the service generated.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record CredentialView(String name, List<String> roles, String state, String source, @Nullable Instant changedAt,
		@Nullable String secret) {

	static CredentialView of(ManagedCredential credential) {
		return new CredentialView(credential.name(), List.of(credential.role().label()),
				credential.state().name().toLowerCase(Locale.ROOT), "api", credential.changedAt(), null);
	}

	static CredentialView of(UserDetails configured) {
		List<String> roles = configured.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.map(authority -> authority.replaceFirst("^ROLE_", "").toLowerCase(Locale.ROOT))
			.sorted()
			.toList();
		return new CredentialView(configured.getUsername(), roles, "active", "configuration", null, null);
	}

	CredentialView withSecret(@Nullable String shownOnce) {
		return new CredentialView(name, roles, state, source, changedAt, shownOnce);
	}

	@Override
	public String toString() {
		return "CredentialView[" + name + ", " + roles + ", " + state + "]";
	}
}

package news.flashwire.ingest.system;

import java.time.Duration;
import java.util.List;
import java.util.Set;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may call ingest. Each credential is a name, a password hash as Spring Security's delegating encoder writes it
 * ({@code {bcrypt}$2a$10$...} or {@code {pbkdf2@SpringSecurity_v5_8}...}; never a clear password) and roles. An agency
 * credential's name is the agency's name in the path: it posts only as itself. A credential that checked out is
 * remembered for {@code verifiedFor}, so that HTTP Basic does not pay a password hash on every request.
 */
@ConfigurationProperties("flashwire.ingest.security")
record SecuritySettings(@DefaultValue("true") boolean agencyCredentialsRequired,
		@DefaultValue List<Credential> credentials, @DefaultValue("5m") Duration verifiedFor) {

	enum Role {

		AGENCY, EDITOR, ADMIN
	}

	record Credential(String name, String passwordHash, Set<Role> roles) {

		@Override
		public String toString() {
			return "Credential[" + name + ", " + roles + "]";
		}
	}
}

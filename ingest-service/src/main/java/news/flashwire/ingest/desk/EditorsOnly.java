package news.flashwire.ingest.desk;

import java.util.Set;

import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;

import reactor.core.publisher.Mono;

/** Signs in the page's users against the service's credentials, and only those with an editor or admin role. */
class EditorsOnly implements ReactiveAuthenticationManager {

	private static final Set<String> ROLES = Set.of("ROLE_EDITOR", "ROLE_ADMIN");

	private final UserDetailsRepositoryReactiveAuthenticationManager credentials;

	EditorsOnly(ReactiveUserDetailsService users, PasswordEncoder encoder) {
		this.credentials = new UserDetailsRepositoryReactiveAuthenticationManager(users);
		this.credentials.setPasswordEncoder(encoder);
	}

	@Override
	public Mono<Authentication> authenticate(Authentication authentication) {
		return credentials.authenticate(authentication)
			.filter(EditorsOnly::isEditor)
			.switchIfEmpty(Mono.error(() -> new BadCredentialsException("not an editor")));
	}

	private static boolean isEditor(Authentication authentication) {
		return authentication.getAuthorities().stream().map(GrantedAuthority::getAuthority).anyMatch(ROLES::contains);
	}
}

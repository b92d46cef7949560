package news.flashwire.ingest.system;

import java.time.Clock;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.observation.SecurityObservationSettings;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

import news.flashwire.ingest.credential.CredentialStore;
import news.flashwire.ingest.credential.Credentials;
import reactor.core.publisher.Mono;

/**
 * HTTP Basic over the configured and the managed credentials, stateless (a newsroom page's session signs nobody in
 * here): agencies post only under their own name, editors and admins use the newsroom API, only admins manage
 * credentials, health and metrics stay open. Failures are problem+json: 401 without a valid credential, 403 with one
 * that lacks the role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, SecuritySettings settings, Credentials users,
			PasswordEncoder encoder) {
		ProblemResponses problems = new ProblemResponses();
		// Stateless: without this, the chain would read a newsroom page's session and let it act here without the CSRF
		// token the page's own chain asks for.
		return http.securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
			.csrf(ServerHttpSecurity.CsrfSpec::disable)
			.formLogin(ServerHttpSecurity.FormLoginSpec::disable)
			.logout(ServerHttpSecurity.LogoutSpec::disable)
			.httpBasic(basic -> basic.authenticationManager(verifiedCredentials(settings, users, encoder))
				.authenticationEntryPoint(problems))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(problems).accessDeniedHandler(problems))
			.authorizeExchange(exchanges -> {
				exchanges.pathMatchers("/actuator/health/**", "/actuator/info", "/actuator/prometheus").permitAll();
				if (settings.agencyCredentialsRequired()) {
					exchanges.pathMatchers(HttpMethod.POST, "/v1/agencies/{agency}/**")
						.access(SecurityConfiguration::postsAsItself);
				}
				else {
					exchanges.pathMatchers(HttpMethod.POST, "/v1/agencies/{agency}/**").permitAll();
				}
				exchanges.pathMatchers("/v1/newsroom/**").hasAnyRole("EDITOR", "ADMIN");
				exchanges.pathMatchers("/v1/admin/**").hasRole("ADMIN");
				exchanges.anyExchange().denyAll();
			})
			.build();
	}

	// A manager of its own, without a password-upgrade service: configured hashes stay as they were written. Any
	// change of a managed credential forgets what was remembered, so a rotated or deleted secret stops working at once.
	private static VerifiedCredentials verifiedCredentials(SecuritySettings settings, Credentials users,
			PasswordEncoder encoder) {
		UserDetailsRepositoryReactiveAuthenticationManager check = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		check.setPasswordEncoder(encoder);
		VerifiedCredentials verified = new VerifiedCredentials(check, settings.verifiedFor(), Clock.systemUTC());
		users.onChange(verified::forgetAll);
		return verified;
	}

	private static Mono<AuthorizationResult> postsAsItself(Mono<Authentication> authentication,
			AuthorizationContext context) {
		Object agency = context.getVariables().get("agency");
		return authentication.filter(Authentication::isAuthenticated)
			.<AuthorizationResult>map(auth -> new AuthorizationDecision(auth.getName().equals(agency) && auth.getAuthorities()
				.stream()
				.anyMatch(granted -> "ROLE_AGENCY".equals(granted.getAuthority()))))
			.defaultIfEmpty(new AuthorizationDecision(false));
	}

	// Spring Security observes each filter of the chain, the authentication and the authorization of every request
	// (about a dozen observations, spans and timers per request): some 7 % of ingest's CPU for single posts. The
	// request itself stays observed (http.server.requests), and so does the publishing transaction.
	@Bean
	static SecurityObservationSettings securityObservationSettings() {
		return SecurityObservationSettings.noObservations();
	}

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	// Without the credentials topic (an application slice) only the configured credentials exist.
	@Bean
	Credentials credentials(SecuritySettings settings, ObjectProvider<CredentialStore> managed) {
		List<UserDetails> users = settings.credentials()
			.stream()
			.map(credential -> User.withUsername(credential.name())
				.password(credential.passwordHash())
				.roles(credential.roles().stream().map(Enum::name).toArray(String[]::new))
				.build())
			.toList();
		return new Credentials(users, managed.getIfAvailable(CredentialStore::none));
	}
}

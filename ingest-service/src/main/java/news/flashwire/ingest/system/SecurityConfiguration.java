package news.flashwire.ingest.system;

import java.time.Clock;
import java.util.List;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authentication.UserDetailsRepositoryReactiveAuthenticationManager;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.userdetails.MapReactiveUserDetailsService;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;

import reactor.core.publisher.Mono;

/**
 * HTTP Basic over the configured credentials: agencies post only under their own name, editors and admins use the
 * newsroom API, health and metrics stay open. Failures are problem+json: 401 without a valid credential, 403 with one
 * that lacks the role.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SecuritySettings.class)
public class SecurityConfiguration {

	@Bean
	SecurityWebFilterChain security(ServerHttpSecurity http, SecuritySettings settings,
			ReactiveUserDetailsService users, PasswordEncoder encoder) {
		ProblemResponses problems = new ProblemResponses();
		return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
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
				exchanges.anyExchange().denyAll();
			})
			.build();
	}

	// A manager of its own, without a password-upgrade service: configured hashes stay as they were written.
	private static VerifiedCredentials verifiedCredentials(SecuritySettings settings, ReactiveUserDetailsService users,
			PasswordEncoder encoder) {
		UserDetailsRepositoryReactiveAuthenticationManager check = new UserDetailsRepositoryReactiveAuthenticationManager(
				users);
		check.setPasswordEncoder(encoder);
		return new VerifiedCredentials(check, settings.verifiedFor(), Clock.systemUTC());
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

	@Bean
	PasswordEncoder passwordEncoder() {
		return PasswordEncoderFactories.createDelegatingPasswordEncoder();
	}

	@Bean
	MapReactiveUserDetailsService credentials(SecuritySettings settings) {
		List<UserDetails> users = settings.credentials()
			.stream()
			.map(credential -> User.withUsername(credential.name())
				.password(credential.passwordHash())
				.roles(credential.roles().stream().map(Enum::name).toArray(String[]::new))
				.build())
			.toList();
		return users.isEmpty() ? new MapReactiveUserDetailsService(List.of(nobody())) : new MapReactiveUserDetailsService(users);
	}

	// The map service wants one user at least; this one has no role and a password no one can know.
	private static UserDetails nobody() {
		return User.withUsername("-").password("{noop}" + java.util.UUID.randomUUID()).roles().build();
	}
}

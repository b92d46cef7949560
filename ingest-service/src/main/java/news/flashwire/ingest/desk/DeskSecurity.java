package news.flashwire.ingest.desk;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.logout.DelegatingServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.SecurityContextServerLogoutHandler;
import org.springframework.security.web.server.authentication.logout.WebSessionServerLogoutHandler;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy;
import org.springframework.security.web.server.csrf.WebSessionServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.AndServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.OrServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;
import org.springframework.web.server.ServerWebExchange;

/**
 * The page's own security, in front of the service's HTTP Basic chain: the page and its sign-in, sign-out and config
 * under {@code /newsroom/}, and newsroom API calls that carry the page's session cookie and no
 * {@code Authorization} header. Those run on a server-side session (cookie HttpOnly, SameSite=Strict, Secure over
 * TLS) and need the session's CSRF token on every state-changing call. Everything else, Basic API calls included, is
 * left to the service's chain exactly as before.
 */
@Configuration(proxyBeanMethods = false)
class DeskSecurity {

	@Bean
	@Order(Ordered.HIGHEST_PRECEDENCE)
	SecurityWebFilterChain newsroomPageSecurity(ServerHttpSecurity http, DeskSettings settings,
			ReactiveUserDetailsService users, PasswordEncoder encoder,
			@Value("${server.reactive.session.cookie.name:SESSION}") String sessionCookie) {
		DeskResponses responses = new DeskResponses();
		return http.securityMatcher(matcher(sessionCookie))
			.securityContextRepository(new WebSessionServerSecurityContextRepository())
			.csrf(csrf -> csrf.csrfTokenRepository(new WebSessionServerCsrfTokenRepository())
				.accessDeniedHandler(responses))
			.httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
			.formLogin(form -> form.loginPage("/newsroom/login")
				.authenticationManager(new EditorsOnly(users, encoder))
				.authenticationSuccessHandler(responses)
				.authenticationFailureHandler(responses)
				.authenticationEntryPoint(responses))
			.logout(logout -> logout.logoutUrl("/newsroom/logout")
				.logoutHandler(new DelegatingServerLogoutHandler(new SecurityContextServerLogoutHandler(),
						new WebSessionServerLogoutHandler()))
				.logoutSuccessHandler(responses))
			.exceptionHandling(handling -> handling.authenticationEntryPoint(responses).accessDeniedHandler(responses))
			.headers(headers -> headers.contentSecurityPolicy(csp -> csp.policyDirectives(ContentPolicy.of(settings)))
				.referrerPolicy(referrer -> referrer.policy(ReferrerPolicy.SAME_ORIGIN)))
			.authorizeExchange(exchanges -> exchanges.pathMatchers("/newsroom", "/newsroom/**")
				.permitAll()
				.pathMatchers("/v1/newsroom/**")
				.hasAnyRole("EDITOR", "ADMIN")
				.anyExchange()
				.denyAll())
			.build();
	}

	private static ServerWebExchangeMatcher matcher(String sessionCookie) {
		ServerWebExchangeMatcher page = ServerWebExchangeMatchers.pathMatchers("/newsroom", "/newsroom/**");
		ServerWebExchangeMatcher api = ServerWebExchangeMatchers.pathMatchers("/v1/newsroom/**");
		ServerWebExchangeMatcher withSession = exchange -> pageSession(exchange, sessionCookie)
				? ServerWebExchangeMatcher.MatchResult.match() : ServerWebExchangeMatcher.MatchResult.notMatch();
		return new OrServerWebExchangeMatcher(page, new AndServerWebExchangeMatcher(api, withSession));
	}

	private static boolean pageSession(ServerWebExchange exchange, String sessionCookie) {
		var request = exchange.getRequest();
		return !request.getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)
				&& request.getCookies().containsKey(sessionCookie);
	}
}

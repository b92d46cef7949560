package news.flashwire.ingest.desk;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.WebFilterExchange;
import org.springframework.security.web.server.authentication.ServerAuthenticationFailureHandler;
import org.springframework.security.web.server.authentication.ServerAuthenticationSuccessHandler;
import org.springframework.security.web.server.authentication.logout.ServerLogoutSuccessHandler;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * What the page's session answers: JSON for a sign-in, 204 for a sign-out, problems for the rest. A 401 here never
 * asks for HTTP Basic, so the browser shows the page's own sign-in form rather than its password dialog.
 */
class DeskResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler,
		ServerAuthenticationSuccessHandler, ServerAuthenticationFailureHandler, ServerLogoutSuccessHandler {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		return problem(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not signed in",
				"Sign in with an editor account.");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return problem(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"Refused: the page's session or its CSRF token is missing or wrong.");
	}

	@Override
	public Mono<Void> onAuthenticationSuccess(WebFilterExchange exchange, Authentication authentication) {
		String name = authentication.getName().replace("\\", "\\\\").replace("\"", "\\\"");
		return write(exchange.getExchange(), HttpStatus.OK, MediaType.APPLICATION_JSON,
				"{\"user\":\"" + name + "\"}");
	}

	@Override
	public Mono<Void> onAuthenticationFailure(WebFilterExchange exchange, AuthenticationException ex) {
		return problem(exchange.getExchange(), HttpStatus.UNAUTHORIZED, "sign-in-failed", "Sign-in failed",
				"Wrong name or password, or not an editor.");
	}

	@Override
	public Mono<Void> onLogoutSuccess(WebFilterExchange exchange, Authentication authentication) {
		exchange.getExchange().getResponse().setStatusCode(HttpStatus.NO_CONTENT);
		return Mono.empty();
	}

	private static Mono<Void> problem(ServerWebExchange exchange, HttpStatus status, String type, String title,
			String detail) {
		String json = """
				{"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
			.formatted(URI.create("https://flashwire.news/problems/" + type), title, status.value(), detail);
		return write(exchange, status, MediaType.APPLICATION_PROBLEM_JSON, json);
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, MediaType type, String body) {
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(type);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(body.getBytes(StandardCharsets.UTF_8))));
	}
}

package news.flashwire.ingest.system;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/** Writes 401 and 403 as RFC 9457 problems, as every other error of the service; never says which part was wrong. */
class ProblemResponses implements ServerAuthenticationEntryPoint, ServerAccessDeniedHandler {

	@Override
	public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
		exchange.getResponse().getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"flashwire\"");
		return write(exchange, HttpStatus.UNAUTHORIZED, "unauthenticated", "Not authenticated",
				"A valid credential is required.");
	}

	@Override
	public Mono<Void> handle(ServerWebExchange exchange, AccessDeniedException denied) {
		return write(exchange, HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
				"This credential may not do this.");
	}

	private static Mono<Void> write(ServerWebExchange exchange, HttpStatus status, String type, String title,
			String detail) {
		String json = """
				{"type":"%s","title":"%s","status":%d,"detail":"%s"}"""
			.formatted(URI.create("https://flashwire.news/problems/" + type), title, status.value(), detail);
		var response = exchange.getResponse();
		response.setStatusCode(status);
		response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
		return response.writeWith(Mono.just(response.bufferFactory().wrap(json.getBytes(StandardCharsets.UTF_8))));
	}
}

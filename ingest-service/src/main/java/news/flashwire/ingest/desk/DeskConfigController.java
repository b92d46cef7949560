package news.flashwire.ingest.desk;

import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

import com.fasterxml.jackson.annotation.JsonInclude;

import reactor.core.publisher.Mono;

/** What the page needs to start: where the ticker is, who is signed in, and the CSRF token. */
@RestController
class DeskConfigController {

	private final DeskSettings settings;

	DeskConfigController(DeskSettings settings) {
		this.settings = settings;
	}

	@GetMapping("/newsroom/config")
	Mono<DeskConfig> config(ServerWebExchange exchange) {
		Mono<CsrfToken> csrf = exchange.getAttributeOrDefault(CsrfToken.class.getName(), Mono.empty());
		Mono<String> user = ReactiveSecurityContextHolder.getContext()
			.mapNotNull(SecurityContext::getAuthentication)
			.filter(auth -> auth.isAuthenticated() && !(auth instanceof AnonymousAuthenticationToken))
			.map(Authentication::getName);
		return csrf.flatMap(token -> user.map(name -> config(token, name)).defaultIfEmpty(config(token, null)));
	}

	private DeskConfig config(CsrfToken token, @Nullable String user) {
		return new DeskConfig(settings.tickerUrl().toString(), settings.editions(),
				settings.sessionTimeout().toSeconds(), user, new Csrf(token.getHeaderName(), token.getToken()));
	}

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record DeskConfig(String tickerUrl, List<String> editions, long sessionTimeoutSeconds,
			@Nullable String user, Csrf csrf) {
	}

	record Csrf(String headerName, String token) {
	}
}

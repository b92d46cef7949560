package news.flashwire.push.audit;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;

/**
 * The delivery audit of one alert, for readers holding an audit token (the newsroom's ingest-service reads it for its
 * page; browsers never hold the token).
 */
@RestController
class AlertAuditController {

	private final AlertAudit audit;

	private final AuditTokens tokens;

	AlertAuditController(AlertAudit audit, AuditTokens tokens) {
		this.audit = audit;
		this.tokens = tokens;
	}

	@GetMapping("/v1/alerts/{id}/deliveries")
	AlertDeliveries deliveries(@PathVariable String id,
			@RequestHeader(name = HttpHeaders.AUTHORIZATION, required = false) @Nullable String authorization) {
		if (!tokens.accept(authorization)) {
			throw new AuditTokenRefused();
		}
		return audit.of(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "no deliveries recorded for this alert"));
	}
}

package news.flashwire.push.audit;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A read of the audit without one of its read tokens, or with a wrong one: both are simply not authenticated. */
class AuditTokenRefused extends ErrorResponseException {

	AuditTokenRefused() {
		super(HttpStatus.UNAUTHORIZED, problem(), null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer realm=\"flashwire-audit\"");
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNAUTHORIZED,
				"send an audit read token as 'Authorization: Bearer …'");
		problem.setType(URI.create("https://flashwire.news/problems/audit-token-required"));
		problem.setTitle("Audit token required");
		return problem;
	}
}

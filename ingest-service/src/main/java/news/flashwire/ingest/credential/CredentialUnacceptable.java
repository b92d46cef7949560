package news.flashwire.ingest.credential;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A credential request that cannot be made: a bad name, an unknown role, a weak secret. Never quotes the secret. */
class CredentialUnacceptable extends ErrorResponseException {

	CredentialUnacceptable(String reason) {
		super(HttpStatus.BAD_REQUEST, problem(reason), null);
	}

	private static ProblemDetail problem(String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
		problem.setType(URI.create("https://flashwire.news/problems/credential-unacceptable"));
		problem.setTitle("Credential unacceptable");
		return problem;
	}
}

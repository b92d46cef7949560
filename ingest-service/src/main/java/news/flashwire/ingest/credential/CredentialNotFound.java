package news.flashwire.ingest.credential;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No credential has this name, or it was deleted. */
class CredentialNotFound extends ErrorResponseException {

	CredentialNotFound() {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No credential with that name.");
		problem.setType(URI.create("https://flashwire.news/problems/credential-not-found"));
		problem.setTitle("Credential not found");
		return problem;
	}
}

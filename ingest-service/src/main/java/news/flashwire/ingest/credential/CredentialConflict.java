package news.flashwire.ingest.credential;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The name is taken, or belongs to a configured credential, which only configuration changes. */
class CredentialConflict extends ErrorResponseException {

	private CredentialConflict(String detail) {
		super(HttpStatus.CONFLICT, problem(detail), null);
	}

	static CredentialConflict exists() {
		return new CredentialConflict("A credential with that name exists.");
	}

	static CredentialConflict configured() {
		return new CredentialConflict("That credential is set in configuration; change it there.");
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, detail);
		problem.setType(URI.create("https://flashwire.news/problems/credential-conflict"));
		problem.setTitle("Credential conflict");
		return problem;
	}
}

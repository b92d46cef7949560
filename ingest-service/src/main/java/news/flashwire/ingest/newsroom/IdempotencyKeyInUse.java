package news.flashwire.ingest.newsroom;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The first post with this Idempotency-Key is still being answered: 409, as the IETF idempotency-key draft asks. */
class IdempotencyKeyInUse extends ErrorResponseException {

	IdempotencyKeyInUse() {
		super(HttpStatus.CONFLICT, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"A post with this Idempotency-Key is still being answered; retry later.");
		problem.setType(URI.create("https://flashwire.news/problems/idempotency-key-in-use"));
		problem.setTitle("A request is outstanding for this Idempotency-Key");
		return problem;
	}
}

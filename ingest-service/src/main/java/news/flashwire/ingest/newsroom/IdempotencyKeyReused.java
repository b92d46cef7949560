package news.flashwire.ingest.newsroom;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The Idempotency-Key came with another item: 422, as the IETF idempotency-key draft asks. Nothing is published. */
class IdempotencyKeyReused extends ErrorResponseException {

	IdempotencyKeyReused() {
		super(HttpStatus.UNPROCESSABLE_CONTENT, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				"This Idempotency-Key was already used for another item; use a new key for a new item.");
		problem.setType(URI.create("https://flashwire.news/problems/idempotency-key-reused"));
		problem.setTitle("Idempotency-Key is already used");
		return problem;
	}
}

package news.flashwire.ingest.embargo;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No story with this id is held: never held, or already released or killed. */
class HeldStoryNotFound extends ErrorResponseException {

	HeldStoryNotFound(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No held story " + id + ".");
		problem.setType(URI.create("https://flashwire.news/problems/held-story-not-found"));
		problem.setTitle("Held story not found");
		return problem;
	}
}

package news.flashwire.ingest.newsroom;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The item was killed: a kill is final, nothing brings it back. */
class ItemAlreadyKilled extends ErrorResponseException {

	ItemAlreadyKilled(String id) {
		super(HttpStatus.CONFLICT, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
				"Item " + id + " was killed; a killed item cannot change.");
		problem.setType(URI.create("https://flashwire.news/problems/item-already-killed"));
		problem.setTitle("Item already killed");
		return problem;
	}
}

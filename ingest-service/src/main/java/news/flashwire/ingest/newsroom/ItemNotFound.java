package news.flashwire.ingest.newsroom;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** No newsroom item has this id. */
class ItemNotFound extends ErrorResponseException {

	ItemNotFound(String id) {
		super(HttpStatus.NOT_FOUND, problem(id), null);
	}

	private static ProblemDetail problem(String id) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No newsroom item " + id + ".");
		problem.setType(URI.create("https://flashwire.news/problems/item-not-found"));
		problem.setTitle("Item not found");
		return problem;
	}
}

package news.flashwire.ingest.desk;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Not the id of an alert: alert ids look like {@code msg_newsroom_<uuid>_r1}. */
class AlertIdUnreadable extends ErrorResponseException {

	AlertIdUnreadable() {
		super(HttpStatus.BAD_REQUEST, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"An alert id looks like msg_newsroom_<id>_r1.");
		problem.setType(URI.create("https://flashwire.news/problems/alert-id-unreadable"));
		problem.setTitle("Not an alert id");
		return problem;
	}
}

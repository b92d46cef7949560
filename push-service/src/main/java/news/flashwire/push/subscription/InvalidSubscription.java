package news.flashwire.push.subscription;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A subscription request that cannot be accepted, with the reason. */
public class InvalidSubscription extends ErrorResponseException {

	public InvalidSubscription(String reason) {
		super(HttpStatus.BAD_REQUEST, problem(reason), null);
	}

	private static ProblemDetail problem(String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
		problem.setType(URI.create("https://flashwire.news/problems/invalid-subscription"));
		problem.setTitle("Invalid subscription");
		return problem;
	}
}

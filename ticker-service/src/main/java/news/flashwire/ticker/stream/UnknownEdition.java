package news.flashwire.ticker.stream;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** The edition asked for is not served here. */
public class UnknownEdition extends ErrorResponseException {

	public UnknownEdition(String edition) {
		super(HttpStatus.NOT_FOUND, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND,
				"No ticker is served for this edition.");
		problem.setType(URI.create("https://flashwire.news/problems/unknown-edition"));
		problem.setTitle("Unknown edition");
		return problem;
	}
}

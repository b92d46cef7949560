package news.flashwire.ingest.story;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A delivered document that cannot become a story: answered with 400 and a problem saying why. */
public class UnreadableStory extends ErrorResponseException {

	public static final URI TYPE = URI.create("https://flashwire.news/problems/unreadable-story");

	public UnreadableStory(String reason) {
		super(HttpStatus.BAD_REQUEST, problem(reason), null);
	}

	private static ProblemDetail problem(String reason) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, reason);
		problem.setType(TYPE);
		problem.setTitle("Unreadable story");
		return problem;
	}
}

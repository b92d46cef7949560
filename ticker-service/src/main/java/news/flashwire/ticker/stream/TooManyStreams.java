package news.flashwire.ticker.stream;

import java.net.URI;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A stream was refused: this instance is full (503), or this client holds too many streams already (429). */
class TooManyStreams extends ErrorResponseException {

	private final HttpHeaders headers = new HttpHeaders();

	private TooManyStreams(HttpStatus status, String type, String title, String detail, int retryAfterSeconds) {
		super(status, problem(status, type, title, detail), null);
		headers.set(HttpHeaders.RETRY_AFTER, Integer.toString(retryAfterSeconds));
	}

	static TooManyStreams onThisInstance() {
		return new TooManyStreams(HttpStatus.SERVICE_UNAVAILABLE, "instance-full", "Ticker instance full",
				"This instance serves as many streams as it may; another instance can take this one.", 5);
	}

	static TooManyStreams fromThisClient() {
		return new TooManyStreams(HttpStatus.TOO_MANY_REQUESTS, "too-many-streams", "Too many streams",
				"This client address holds as many streams as allowed; close one first.", 30);
	}

	static TooManyStreams shuttingDown() {
		return new TooManyStreams(HttpStatus.SERVICE_UNAVAILABLE, "shutting-down", "Ticker instance stopping",
				"This instance is shutting down; reconnect, and another instance will take the stream.", 1);
	}

	@Override
	public HttpHeaders getHeaders() {
		return headers;
	}

	private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://flashwire.news/problems/" + type));
		problem.setTitle(title);
		return problem;
	}
}

package news.flashwire.ingest.publish;

import java.net.URI;
import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** Kafka did not acknowledge in time: nothing was published, and the sender should try again later. */
public class BrokerUnavailable extends ErrorResponseException {

	public static final URI TYPE = URI.create("https://flashwire.news/problems/broker-unavailable");

	private static final String NOT_ACKNOWLEDGED = "The story store did not acknowledge the story; nothing was published. Retry later.";

	public BrokerUnavailable(Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(NOT_ACKNOWLEDGED), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	public BrokerUnavailable(Duration retryAfter, String detail) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(detail + " Nothing was published. Retry later."), null);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem(String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE, detail);
		problem.setType(TYPE);
		problem.setTitle("Broker unavailable");
		return problem;
	}
}

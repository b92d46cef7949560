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

	public BrokerUnavailable(Duration retryAfter, Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, problem(), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, retryAfter.toSeconds())));
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.SERVICE_UNAVAILABLE,
				"The story store did not acknowledge the story; nothing was published. Retry later.");
		problem.setType(TYPE);
		problem.setTitle("Broker unavailable");
		return problem;
	}
}

package news.flashwire.ingest.desk;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** push-service did not answer with an alert's deliveries: unreachable, too slow, or it refused ingest's token. */
class DeliveriesUnavailable extends ErrorResponseException {

	DeliveriesUnavailable() {
		super(HttpStatus.BAD_GATEWAY, problem(), null);
	}

	private static ProblemDetail problem() {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_GATEWAY,
				"push-service did not answer with the deliveries; try again shortly.");
		problem.setType(URI.create("https://flashwire.news/problems/deliveries-unavailable"));
		problem.setTitle("Deliveries unavailable");
		return problem;
	}
}

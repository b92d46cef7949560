package news.flashwire.ingest.system;

import java.net.URI;

import org.springframework.core.io.buffer.DataBufferLimitException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** A body over the configured size limit ({@code spring.codec.max-in-memory-size}) is a 413 problem, not a 500. */
@RestControllerAdvice
public class OversizedRequests {

	@ExceptionHandler(DataBufferLimitException.class)
	ProblemDetail tooLarge(DataBufferLimitException ex) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE,
				"The request body is larger than this service accepts.");
		problem.setType(URI.create("https://flashwire.news/problems/too-large"));
		problem.setTitle("Request too large");
		return problem;
	}
}

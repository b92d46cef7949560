package news.flashwire.ingest.agency;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A single document over the per-document limit: 413. In a batch the same reason rejects only that document. */
class DocumentTooLarge extends ErrorResponseException {

	DocumentTooLarge(long maxBytes) {
		super(HttpStatus.CONTENT_TOO_LARGE, problem(maxBytes), null);
	}

	static String reason(long maxBytes) {
		return "the document is larger than " + maxBytes + " bytes";
	}

	private static ProblemDetail problem(long maxBytes) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, reason(maxBytes));
		problem.setType(URI.create("https://flashwire.news/problems/document-too-large"));
		problem.setTitle("Document too large");
		problem.setProperty("maxBytes", maxBytes);
		return problem;
	}
}

package news.flashwire.ingest.agency;

import java.net.URI;
import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

import news.flashwire.ingest.story.UnreadableStory;

/** A document that must match its ninjs schema and does not: 400, with the first few violations. */
class SchemaViolations extends ErrorResponseException {

	SchemaViolations(String version, List<String> violations) {
		super(HttpStatus.BAD_REQUEST, problem(version, violations), null);
	}

	private static ProblemDetail problem(String version, List<String> violations) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"the document does not match the ninjs " + version + " schema: " + String.join("; ", violations));
		problem.setType(URI.create("https://flashwire.news/problems/schema-violation"));
		problem.setTitle("Schema violation");
		problem.setProperty("violations", violations);
		return problem;
	}

	/** The same, as the reason a document of a batch was rejected. */
	UnreadableStory asUnreadable() {
		return new UnreadableStory(getBody().getDetail() != null ? getBody().getDetail() : "schema violation");
	}
}

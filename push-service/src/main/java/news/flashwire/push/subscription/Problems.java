package news.flashwire.push.subscription;

import java.net.URI;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** The RFC 9457 documents of this package's errors. */
final class Problems {

	private Problems() {
	}

	static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
		problem.setType(URI.create("https://flashwire.news/problems/" + slug));
		problem.setTitle(title);
		return problem;
	}
}

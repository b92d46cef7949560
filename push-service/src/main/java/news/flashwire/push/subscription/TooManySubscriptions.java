package news.flashwire.push.subscription;

import java.time.Duration;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A client address created more subscriptions than allowed per minute. */
class TooManySubscriptions extends ErrorResponseException {

	TooManySubscriptions(Duration retryAfter) {
		super(HttpStatus.TOO_MANY_REQUESTS, Problems.of(HttpStatus.TOO_MANY_REQUESTS, "too-many-subscriptions",
				"Too many subscriptions", "too many subscriptions from this address; try again later"), null);
		// Rounded up: a client that waits as told finds the window over.
		long seconds = retryAfter.plusMillis(999).toSeconds();
		getHeaders().set(HttpHeaders.RETRY_AFTER, Long.toString(Math.max(1, seconds)));
	}
}

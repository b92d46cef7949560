package news.flashwire.push.subscription;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** Kafka did not acknowledge a subscription change (or could not be read): nothing was promised. */
class SubscriptionsUnavailable extends ErrorResponseException {

	SubscriptionsUnavailable(Throwable cause) {
		super(HttpStatus.SERVICE_UNAVAILABLE, Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "subscriptions-unavailable",
				"Subscriptions unavailable", "subscriptions cannot be stored or read right now"), cause);
		getHeaders().set(HttpHeaders.RETRY_AFTER, "5");
	}
}

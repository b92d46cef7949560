package news.flashwire.push.subscription;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** No subscription has this id (any more). */
class SubscriptionNotFound extends ErrorResponseException {

	SubscriptionNotFound(String id) {
		super(HttpStatus.NOT_FOUND, Problems.of(HttpStatus.NOT_FOUND, "subscription-not-found", "Subscription not found",
				"no subscription " + id), null);
	}
}

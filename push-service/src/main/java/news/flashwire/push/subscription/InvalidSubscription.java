package news.flashwire.push.subscription;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A subscription request that cannot be accepted, with the reason. */
public class InvalidSubscription extends ErrorResponseException {

	public InvalidSubscription(String reason) {
		super(HttpStatus.BAD_REQUEST, Problems.of(HttpStatus.BAD_REQUEST, "invalid-subscription", "Invalid subscription",
				reason), null);
	}
}

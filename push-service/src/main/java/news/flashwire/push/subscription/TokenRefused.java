package news.flashwire.push.subscription;

import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A management call with a token that is not this subscription's. */
class TokenRefused extends ErrorResponseException {

	TokenRefused() {
		super(HttpStatus.FORBIDDEN, Problems.of(HttpStatus.FORBIDDEN, "token-refused", "Token refused",
				"this token does not manage this subscription"), null);
	}
}

package news.flashwire.push.subscription;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.web.ErrorResponseException;

/** A management call without the subscription's token as a Bearer credential. */
class TokenRequired extends ErrorResponseException {

	TokenRequired() {
		super(HttpStatus.UNAUTHORIZED, Problems.of(HttpStatus.UNAUTHORIZED, "token-required", "Token required",
				"send the subscription's management token as 'Authorization: Bearer fwt_…'"), null);
		getHeaders().set(HttpHeaders.WWW_AUTHENTICATE, "Bearer");
	}
}

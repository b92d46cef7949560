package news.flashwire.ingest.desk;

import java.util.regex.Pattern;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/**
 * An alert's delivery progress for the newsroom page, read from push-service on the server: the editor's session (or
 * Basic credential) authorizes the call, and only ingest holds push-service's audit token.
 */
@RestController
class DeliveryProgressController {

	// The shape of Alert.deliveryId(): "msg_", the story id with anything else made "_", "_r", the revision.
	private static final Pattern ALERT_ID = Pattern.compile("msg_[A-Za-z0-9_-]{1,300}_r[0-9]{1,18}");

	private final PushAudit push;

	DeliveryProgressController(PushAudit push) {
		this.push = push;
	}

	@GetMapping("/v1/newsroom/alerts/{alertId}/deliveries")
	Mono<DeliveryProgress> progress(@PathVariable String alertId) {
		if (!ALERT_ID.matcher(alertId).matches()) {
			throw new AlertIdUnreadable();
		}
		return push.progress(alertId);
	}
}

package news.flashwire.push.delivery.webpush;

import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The application server key browsers pass to {@code pushManager.subscribe()}. */
@RestController
class VapidKeyController {

	private final VapidKeys keys;

	VapidKeyController(VapidKeys keys) {
		this.keys = keys;
	}

	@GetMapping("/v1/webpush/vapid-public-key")
	Map<String, String> publicKey() {
		return Map.of("publicKey", keys.publicKey());
	}
}

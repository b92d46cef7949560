package news.flashwire.push.delivery.webpush;

import java.net.InetAddress;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Checks a browser subscription at registration: its endpoint must be on a known push service, and its keys must
 * be a P-256 point and a 16-byte secret that a message can actually be encrypted for (a bad key is a 400 now, not
 * a failure at the first alert).
 */
@Component
public class WebPushEndpoints {

	private final List<String> allowedHosts;

	private final WebPushMessages messages;

	WebPushEndpoints(WebPushSettings settings, WebPushMessages messages) {
		this.allowedHosts = settings.allowedHosts().stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).toList();
		this.messages = messages;
	}

	/** Why the subscription cannot be accepted, or null when it can. */
	public @Nullable String refusalOf(WebPushTarget target) {
		String host = target.endpoint().getHost();
		if (host == null || target.endpoint().getUserInfo() != null || !isAllowed(host.toLowerCase(Locale.ROOT))) {
			return "pushSubscription.endpoint is not on a known push service";
		}
		boolean https = "https".equalsIgnoreCase(target.endpoint().getScheme());
		if (!https && !("http".equalsIgnoreCase(target.endpoint().getScheme()) && isLoopback(host))) {
			return "pushSubscription.endpoint must be https";
		}
		try {
			byte[] auth = Base64.getUrlDecoder().decode(target.auth().replace("=", ""));
			byte[] p256dh = Base64.getUrlDecoder().decode(target.p256dh().replace("=", ""));
			if (auth.length != 16 || p256dh.length != 65 || p256dh[0] != 4) {
				return "pushSubscription.keys must be a P-256 public key (p256dh) and a 16-byte auth secret";
			}
			messages.encrypt(target, new byte[] { '{', '}' });
			return null;
		}
		catch (RuntimeException ex) {
			return "pushSubscription.keys are not a usable P-256 public key and auth secret";
		}
	}

	private boolean isAllowed(String host) {
		return allowedHosts.stream()
			.anyMatch(allowed -> allowed.startsWith("*.") ? host.endsWith(allowed.substring(1)) : host.equals(allowed));
	}

	private static boolean isLoopback(String host) {
		try {
			return InetAddress.getByName(host.replace("[", "").replace("]", "")).isLoopbackAddress()
					&& host.chars().noneMatch(Character::isLetter);
		}
		catch (java.net.UnknownHostException ex) {
			return false;
		}
	}
}

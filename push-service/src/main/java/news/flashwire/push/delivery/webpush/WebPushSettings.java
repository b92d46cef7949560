package news.flashwire.push.delivery.webpush;

import java.time.Duration;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Web Push settings.
 *
 * @param allowedHosts push-service hosts a browser subscription's endpoint may name; {@code *.example.com} matches
 * subdomains. Endpoints must be https, except on loopback hosts listed here (local tests).
 * @param vapidPublicKey the application server's P-256 public key, base64url, uncompressed (65 bytes)
 * @param vapidPrivateKey its private scalar, base64url (32 bytes); without both keys a pair is generated and printed
 * @param subject the VAPID {@code sub} claim: a contact for the push services
 * @param timeout how long one request to a push service may take
 */
@ConfigurationProperties("flashwire.push.webpush")
public record WebPushSettings(
		@DefaultValue({ "fcm.googleapis.com", "updates.push.services.mozilla.com", "web.push.apple.com",
				"*.notify.windows.com" }) List<String> allowedHosts,
		@Nullable String vapidPublicKey, @Nullable String vapidPrivateKey,
		@DefaultValue("mailto:alerts@flashwire.news") String subject, @DefaultValue("10s") Duration timeout) {
}

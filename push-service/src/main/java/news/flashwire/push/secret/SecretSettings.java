package news.flashwire.push.secret;

import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param key the AES-256 key (base64, 32 bytes) that seals webhook secrets on the subscriptions topic; every
 * push instance needs the same one. Without it a random key is used, good for one run of one instance only.
 */
@ConfigurationProperties("flashwire.push.secrets")
public record SecretSettings(@Nullable String key) {
}

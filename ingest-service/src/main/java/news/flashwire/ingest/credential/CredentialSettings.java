package news.flashwire.ingest.credential;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The admin API's rules: how long a sign-in or a change right after start-up waits for the credentials topic to be
 * read, and how many characters a secret chosen by the caller needs at least.
 */
@ConfigurationProperties("flashwire.ingest.managed-credentials")
record CredentialSettings(@DefaultValue("5s") Duration catchUpWait, @DefaultValue("20") int minimumSecretLength) {
}

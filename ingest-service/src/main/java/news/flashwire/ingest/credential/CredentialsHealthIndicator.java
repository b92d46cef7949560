package news.flashwire.ingest.credential;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Ready only once the credentials topic has been read to its end: before that, managed credentials are refused. */
@Component
class CredentialsHealthIndicator extends AbstractHealthIndicator {

	private final CredentialStore store;

	CredentialsHealthIndicator(CredentialStore store) {
		super("Credentials not available");
		this.store = store;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(store.caughtUp() ? builder.up() : builder.outOfService()).withDetail("managed", store.size());
	}
}

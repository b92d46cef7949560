package news.flashwire.ingest.credential;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import news.flashwire.ingest.publish.BrokerUnavailable;

/**
 * Makes, rotates, disables, enables and deletes managed credentials. Each change is written to the credentials topic
 * and answered only once Kafka has it; it takes effect on this instance at once and on the others as they read it.
 * Changes are serialized within the instance; two admins changing one name on two instances at once: the later
 * record wins. The log says who changed what, never a secret or a hash.
 */
@Component
class CredentialAdmin {

	private static final Logger log = LoggerFactory.getLogger(CredentialAdmin.class);

	private final CredentialStore store;

	private final Credentials credentials;

	private final PasswordEncoder encoder;

	private final KafkaTemplate<String, Object> kafka;

	private final Duration retryAfter;

	private final Secrets secrets;

	private final Clock clock = Clock.systemUTC();

	private final ReentrantLock changes = new ReentrantLock();

	CredentialAdmin(CredentialStore store, Credentials credentials, PasswordEncoder encoder,
			KafkaTemplate<String, Object> kafka, CredentialSettings settings,
			@Value("${flashwire.ingest.publish.retry-after:5s}") Duration retryAfter) {
		this.store = store;
		this.credentials = credentials;
		this.encoder = encoder;
		this.kafka = kafka;
		this.retryAfter = retryAfter;
		this.secrets = new Secrets(settings.minimumSecretLength());
	}

	/** Answers the new credential, with its secret when the service generated it. */
	CredentialView create(String name, Role role, @Nullable String chosen, String admin) {
		if (chosen != null) {
			secrets.check(name, chosen);
		}
		String secret = chosen == null ? secrets.generate() : chosen;
		return changing(name, () -> {
			if (store.get(name).isPresent()) {
				throw CredentialConflict.exists();
			}
			ManagedCredential credential = new ManagedCredential(name, encoder.encode(secret), role,
					ManagedCredential.State.ACTIVE, clock.instant());
			write(name, credential);
			log.info("Credential {} created with role {} by {}", name, role.label(), admin);
			return CredentialView.of(credential).withSecret(chosen == null ? secret : null);
		});
	}

	/** Answers the credential with its new, generated secret; the old one stops working. */
	CredentialView rotate(String name, String admin) {
		String secret = secrets.generate();
		return changing(name, () -> {
			ManagedCredential rotated = existing(name).withHash(encoder.encode(secret), clock.instant());
			write(name, rotated);
			log.info("Credential {} rotated by {}", name, admin);
			return CredentialView.of(rotated).withSecret(secret);
		});
	}

	CredentialView change(String name, ManagedCredential.State state, String admin) {
		return changing(name, () -> {
			ManagedCredential changed = existing(name).with(state, clock.instant());
			write(name, changed);
			log.info("Credential {} {} by {}", name, state == ManagedCredential.State.ACTIVE ? "enabled" : "disabled",
					admin);
			return CredentialView.of(changed);
		});
	}

	void delete(String name, String admin) {
		changing(name, () -> {
			existing(name);
			write(name, null);
			log.info("Credential {} deleted by {}", name, admin);
			return name;
		});
	}

	private ManagedCredential existing(String name) {
		return store.get(name).orElseThrow(CredentialNotFound::new);
	}

	private <T> T changing(String name, Supplier<T> change) {
		if (credentials.isConfigured(name)) {
			throw CredentialConflict.configured();
		}
		if (!store.awaitCaughtUp()) {
			throw new BrokerUnavailable(retryAfter, "Ingest is still reading the credentials topic.");
		}
		changes.lock();
		try {
			return change.get();
		}
		finally {
			changes.unlock();
		}
	}

	private void write(String name, @Nullable ManagedCredential credential) {
		try {
			CompletableFuture<SendResult<String, Object>> sent = kafka
				.executeInTransaction(operations -> operations.send(CredentialTopic.NAME, name, credential));
			RecordMetadata written = sent.get(retryAfter.toMillis() + 10_000, TimeUnit.MILLISECONDS)
				.getRecordMetadata();
			store.wrote(name, credential, written.partition(), written.offset());
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new BrokerUnavailable(retryAfter, "The credential store did not acknowledge the change.");
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BrokerUnavailable(retryAfter, "The credential store did not acknowledge the change.");
		}
	}
}

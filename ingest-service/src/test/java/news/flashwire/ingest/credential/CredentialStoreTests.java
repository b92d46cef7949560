package news.flashwire.ingest.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

class CredentialStoreTests {

	private final CredentialStore store = new CredentialStore(new CredentialSettings(Duration.ofSeconds(1), 20));

	private final AtomicInteger changes = new AtomicInteger();

	CredentialStoreTests() {
		store.onChange(name -> changes.incrementAndGet());
	}

	@Test
	void readingBackAnOlderRecordNeverUndoesANewerChange() {
		store.wrote("afp-2", afp(ManagedCredential.State.DISABLED), 0, 7);

		store.apply("afp-2", afp(ManagedCredential.State.ACTIVE), 0, 6);
		store.apply("afp-2", afp(ManagedCredential.State.DISABLED), 0, 7);

		assertThat(store.get("afp-2")).hasValueSatisfying(credential -> assertThat(credential.active()).isFalse());
		assertThat(changes).hasValue(1);
	}

	@Test
	void aTombstoneDeletesAndTellsTheListeners() {
		store.apply("afp-2", afp(ManagedCredential.State.ACTIVE), 1, 3);

		store.apply("afp-2", null, 1, 4);

		assertThat(store.get("afp-2")).isEmpty();
		assertThat(store.all()).isEmpty();
		assertThat(changes).hasValue(2);
	}

	@Test
	void aStoreWithoutTheTopicHoldsNothingAndWaitsForNothing() {
		CredentialStore none = CredentialStore.none();

		assertThat(none.caughtUp()).isTrue();
		assertThat(none.all()).isEmpty();
	}

	private static ManagedCredential afp(ManagedCredential.State state) {
		return new ManagedCredential("afp-2", "{bcrypt}$2a$04$hash", Role.AGENCY, state,
				Instant.parse("2026-11-29T10:00:00Z"));
	}
}

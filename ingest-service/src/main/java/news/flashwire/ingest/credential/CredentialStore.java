package news.flashwire.ingest.credential;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

/**
 * Every managed credential, rebuilt from the credentials topic at start-up (see {@link CredentialsReplay}) and kept
 * current from it. Each entry remembers the offset of the record it came from, so reading back this instance's own
 * writes never undoes a newer change. Every change is told to the listeners: remembered sign-ins must go with it.
 */
@Component
public class CredentialStore {

	private final Map<String, Entry> entries = new ConcurrentHashMap<>();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	private final List<Consumer<String>> listeners = new CopyOnWriteArrayList<>();

	private final Duration catchUpWait;

	CredentialStore(CredentialSettings settings) {
		this.catchUpWait = settings.catchUpWait();
	}

	/** A store that holds no managed credential, for an application that runs without the credentials topic. */
	public static CredentialStore none() {
		CredentialStore none = new CredentialStore(new CredentialSettings(Duration.ZERO, Integer.MAX_VALUE));
		none.markCaughtUp();
		return none;
	}

	Optional<ManagedCredential> get(String name) {
		Entry entry = entries.get(name);
		return entry == null ? Optional.empty() : Optional.ofNullable(entry.credential());
	}

	List<ManagedCredential> all() {
		return entries.values().stream().map(Entry::credential).filter(Objects::nonNull).toList();
	}

	/** A record read from the topic: applied only when newer than what this instance knows of the name. */
	void apply(String name, @Nullable ManagedCredential credential, int partition, long offset) {
		Entry read = new Entry(credential, partition, offset);
		if (entries.merge(name, read, (known, next) -> next.newerThan(known) ? next : known) == read) {
			changed(name);
		}
	}

	/** This instance's own write, acknowledged at {@code offset}. */
	void wrote(String name, @Nullable ManagedCredential credential, int partition, long offset) {
		entries.put(name, new Entry(credential, partition, offset));
		changed(name);
	}

	/** {@code listener} takes the name of each credential that changed, on the thread that read or wrote it. */
	void onChange(Consumer<String> listener) {
		listeners.add(listener);
	}

	boolean caughtUp() {
		return caughtUp.getCount() == 0;
	}

	/** Waits, at most {@code flashwire.ingest.managed-credentials.catch-up-wait}, for the topic to be read. */
	boolean awaitCaughtUp() {
		try {
			return caughtUp.await(catchUpWait.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void markCaughtUp() {
		caughtUp.countDown();
	}

	int size() {
		return all().size();
	}

	private void changed(String name) {
		listeners.forEach(listener -> listener.accept(name));
	}

	private record Entry(@Nullable ManagedCredential credential, int partition, long offset) {

		boolean newerThan(Entry known) {
			return partition != known.partition() || offset > known.offset();
		}
	}
}

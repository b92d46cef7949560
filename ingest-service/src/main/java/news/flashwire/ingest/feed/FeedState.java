package news.flashwire.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one source's poller remembers between polls, and across restarts on the feed-state topic: the validators of
 * the last document read ({@code ETag}, {@code Last-Modified}) and the items already taken, newest first, as short
 * digests of their identities. {@code sequence} grows with every write, so a record read back from the topic never
 * undoes a newer one.
 */
record FeedState(long sequence, @Nullable String etag, @Nullable String lastModified, List<String> taken) {

	static final FeedState NONE = new FeedState(0, null, null, List.of());

	FeedState {
		taken = List.copyOf(Objects.requireNonNullElse(taken, List.of()));
	}

	boolean hasTaken(String identity) {
		return taken.contains(digest(identity));
	}

	/** With one more item taken. */
	FeedState taking(String identity) {
		List<String> next = new ArrayList<>(taken.size() + 1);
		next.add(digest(identity));
		next.addAll(taken);
		return new FeedState(sequence + 1, etag, lastModified, next);
	}

	/**
	 * After a whole document was read: its validators, and the items it listed ahead of older ones, kept to
	 * {@code remembered} (or to the document's length, if longer: forgetting an item still listed would take it again).
	 */
	FeedState read(@Nullable String newEtag, @Nullable String newLastModified, Collection<String> listed, int remembered) {
		Set<String> kept = new LinkedHashSet<>();
		listed.forEach(identity -> kept.add(digest(identity)));
		int limit = Math.max(remembered, kept.size());
		for (String digest : taken) {
			if (kept.size() >= limit) {
				break;
			}
			kept.add(digest);
		}
		return new FeedState(sequence + 1, newEtag, newLastModified, List.copyOf(kept));
	}

	boolean sameAs(FeedState other) {
		return Objects.equals(etag, other.etag) && Objects.equals(lastModified, other.lastModified)
				&& taken.equals(other.taken);
	}

	// 128 bits of SHA-256: identities can be long URLs; a collision would need 2^64 items of one feed.
	static String digest(String identity) {
		try {
			byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(java.util.Arrays.copyOf(hash, 16));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("every JDK has SHA-256", ex);
		}
	}
}

package news.flashwire.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

/**
 * What one source's poller remembers between polls, and across restarts on the feed-state topic: the validators of
 * the last document read ({@code ETag}, {@code Last-Modified}) and the items already taken, newest first, as short
 * digests of their identities, each with what was published from it ({@code published}, keyed by the identity's
 * digest), so an item that changes later becomes the next version of its story. Records written before
 * {@code published} existed have none: such an item's content is unknown until the next document read records it.
 * {@code sequence} grows with every write, so a record read back from the topic never undoes a newer one.
 */
record FeedState(long sequence, @Nullable String etag, @Nullable String lastModified, List<String> taken,
		Map<String, Published> published) {

	static final FeedState NONE = new FeedState(0, null, null, List.of(), Map.of());

	FeedState {
		taken = List.copyOf(Objects.requireNonNullElse(taken, List.of()));
		published = Map.copyOf(Objects.requireNonNullElse(published, Map.of()));
	}

	/**
	 * What an item last published: a digest of its content (see {@link FeedItem#content()}) and the version of its
	 * story that carried it.
	 */
	record Published(String content, long version) {

		Published {
			Objects.requireNonNull(content, "content is required");
		}
	}

	boolean hasTaken(String identity) {
		return taken.contains(digest(identity));
	}

	/** What the item published last, or {@code null} if it was never taken or taken before contents were kept. */
	@Nullable Published publishedOf(String identity) {
		return published.get(digest(identity));
	}

	/** With one more item taken, or a taken one's new content. */
	FeedState taking(String identity, Published content) {
		return remembering(Map.of(identity, content)).withSequence(sequence + 1);
	}

	/** With these items taken (or their contents replaced), as one write. */
	FeedState remembering(Map<String, Published> contents) {
		List<String> nextTaken = new ArrayList<>(taken.size() + contents.size());
		Map<String, Published> nextPublished = new HashMap<>(published);
		contents.forEach((identity, content) -> {
			String digest = digest(identity);
			if (!taken.contains(digest) && !nextTaken.contains(digest)) {
				nextTaken.add(digest);
			}
			nextPublished.put(digest, content);
		});
		nextTaken.addAll(taken);
		return new FeedState(sequence, etag, lastModified, nextTaken, nextPublished);
	}

	private FeedState withSequence(long next) {
		return new FeedState(next, etag, lastModified, taken, published);
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
		Map<String, Published> stillKnown = new HashMap<>(published);
		stillKnown.keySet().retainAll(kept);
		return new FeedState(sequence + 1, newEtag, newLastModified, List.copyOf(kept), stillKnown);
	}

	boolean sameAs(FeedState other) {
		return Objects.equals(etag, other.etag) && Objects.equals(lastModified, other.lastModified)
				&& taken.equals(other.taken) && published.equals(other.published);
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

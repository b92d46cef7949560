package news.flashwire.ingest.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.StoryId;

/**
 * The stories of each provider changed most recently, newest first, at most {@value #KEPT} of each: so listing a
 * newsroom's recent items reads those, not every story the ledger knows. A story's place moves with each change; one
 * pushed out by newer ones comes back when it changes again.
 */
final class RecentChanges {

	static final int KEPT = 1_000;

	// Plain comparisons: this runs on every change of every story (a batch of 500 documents, 500 times).
	private static final Comparator<Mark> NEWEST_FIRST = (a, b) -> {
		int bySeenAt = b.seenAt().compareTo(a.seenAt());
		return bySeenAt != 0 ? bySeenAt : a.storyId().value().compareTo(b.storyId().value());
	};

	private final Map<String, Marks> byProvider = new ConcurrentHashMap<>();

	/** The story changed at {@code seenAt}, last seen at {@code before} (null if new); one story at a time. */
	void changed(StoryId storyId, @Nullable Instant before, Instant seenAt) {
		Marks marks = byProvider.computeIfAbsent(providerOf(storyId), provider -> new Marks());
		if (before != null && marks.set.remove(new Mark(before, storyId))) {
			marks.size.decrementAndGet();
		}
		if (marks.set.add(new Mark(seenAt, storyId))) {
			marks.size.incrementAndGet();
		}
		while (marks.size.get() > KEPT && marks.set.pollLast() != null) {
			marks.size.decrementAndGet();
		}
	}

	/** The provider's stories changed most recently, newest first, at most {@code limit} (up to {@value #KEPT}). */
	List<StoryId> newest(String provider, int limit) {
		Marks marks = byProvider.get(provider);
		List<StoryId> newest = new ArrayList<>(Math.min(limit, KEPT));
		if (marks != null) {
			for (Mark mark : marks.set) {
				if (newest.size() == limit) {
					break;
				}
				newest.add(mark.storyId());
			}
		}
		return newest;
	}

	private static String providerOf(StoryId storyId) {
		String value = storyId.value();
		int colon = value.indexOf(':');
		return colon < 0 ? value : value.substring(0, colon);
	}

	private record Mark(Instant seenAt, StoryId storyId) {
	}

	/** One provider's marks and their number (the set's own size() walks it). */
	private static final class Marks {

		private final ConcurrentSkipListSet<Mark> set = new ConcurrentSkipListSet<>(NEWEST_FIRST);

		private final AtomicInteger size = new AtomicInteger();
	}
}

package news.flashwire.ingest.story;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListSet;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.StoryId;

/**
 * The stories of each provider changed most recently, newest first, at most {@value #KEPT} of each: so listing a
 * newsroom's recent items reads those, not every story the ledger knows. A story's place moves with each change; one
 * pushed out by newer ones comes back when it changes again.
 */
final class RecentChanges {

	static final int KEPT = 1_000;

	private static final Comparator<Mark> NEWEST_FIRST = Comparator.comparing(Mark::seenAt)
		.reversed()
		.thenComparing(mark -> mark.storyId().value());

	private final Map<String, ConcurrentSkipListSet<Mark>> byProvider = new ConcurrentHashMap<>();

	/** The story changed at {@code seenAt}, last seen at {@code before} (null if new); one story at a time. */
	void changed(StoryId storyId, @Nullable Instant before, Instant seenAt) {
		ConcurrentSkipListSet<Mark> marks = byProvider.computeIfAbsent(providerOf(storyId),
				provider -> new ConcurrentSkipListSet<>(NEWEST_FIRST));
		if (before != null) {
			marks.remove(new Mark(before, storyId));
		}
		marks.add(new Mark(seenAt, storyId));
		while (marks.size() > KEPT) {
			marks.pollLast();
		}
	}

	/** The provider's stories changed most recently, newest first, at most {@code limit} (up to {@value #KEPT}). */
	List<StoryId> newest(String provider, int limit) {
		ConcurrentSkipListSet<Mark> marks = byProvider.get(provider);
		List<StoryId> newest = new ArrayList<>(Math.min(limit, KEPT));
		if (marks != null) {
			for (Mark mark : marks) {
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
}

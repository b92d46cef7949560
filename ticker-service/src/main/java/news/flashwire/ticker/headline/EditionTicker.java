package news.flashwire.ticker.headline;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import news.flashwire.common.ticker.TickerChange;

/**
 * The rolling list of one edition: at most {@code capacity} lines, newest first, one line per story and one per
 * headline ({@link HeadlineKey}). Applying the same change twice, or an older revision after a newer one, changes
 * nothing. A removal (a kill, or an expiry written to the ticker topic) keeps every revision up to its own out; a
 * story that has expired by the time its change was projected is not listed. Every decision depends only on the
 * changes and their order, so every instance holds the same list at the same position.
 */
public class EditionTicker {

	private static final int REMEMBERED_REMOVALS = 10_000;

	private final String edition;

	private final int capacity;

	private final Duration maxAge;

	private final List<Headline> lines = new ArrayList<>();

	// The HeadlineKey of each line, index for index with lines: made once per line, not once per line and change.
	private final List<String> keys = new ArrayList<>();

	private final Map<String, Long> removed = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > REMEMBERED_REMOVALS;
		}
	};

	public EditionTicker(String edition, int capacity, Duration maxAge) {
		this.edition = edition;
		this.capacity = capacity;
		this.maxAge = maxAge;
	}

	/** Applies one change read at {@code position}; answers what websites must do, if anything. */
	public Optional<TickerUpdate> apply(TickerChange change, long position) {
		String storyId = change.storyId().value();
		if (change.revision() <= removed.getOrDefault(storyId, 0L)) {
			return Optional.empty();
		}
		if (change instanceof TickerChange.Listed listed) {
			return list(Headline.of(listed), listed.meta().occurredAt(), position);
		}
		return remove(storyId, change.revision(), position);
	}

	public List<Headline> lines() {
		return Collections.unmodifiableList(new ArrayList<>(lines));
	}

	/** The lines that must leave by {@code now}. */
	List<Headline> expired(Instant now) {
		return lines.stream().filter(line -> line.hasExpired(now, maxAge)).toList();
	}

	private Optional<TickerUpdate> remove(String storyId, long revision, long position) {
		removed.merge(storyId, revision, Math::max);
		int index = indexOf(storyId);
		// A removal of an older revision (an instance's expiry written before a newer revision was read) leaves the
		// newer line alone.
		if (index < 0 || lines.get(index).revision() > revision) {
			return Optional.empty();
		}
		lines.remove(index);
		keys.remove(index);
		return Optional.of(new TickerUpdate(edition, TickerUpdate.Kind.REMOVED, position, storyId, null, index));
	}

	private Optional<TickerUpdate> list(Headline line, Instant projectedAt, long position) {
		int existing = indexOf(line.storyId());
		if (existing >= 0 && lines.get(existing).revision() >= line.revision()) {
			return Optional.empty();
		}
		if (line.hasExpired(projectedAt, maxAge)) {
			return remove(line.storyId(), line.revision(), position);
		}
		String key = HeadlineKey.of(line.headline());
		if (showsHeadlineOfAnotherStory(line.storyId(), key)) {
			// The line already shown stays; a story rewritten into its twin leaves rather than showing it twice.
			return existing >= 0 ? remove(line.storyId(), line.revision() - 1, position) : Optional.empty();
		}
		if (existing >= 0) {
			lines.set(existing, line);
			keys.set(existing, key);
			return Optional.of(new TickerUpdate(edition, TickerUpdate.Kind.UPDATED, position, line.storyId(), line, existing));
		}
		int index = insertionIndex(line);
		if (index >= capacity) {
			return Optional.empty();
		}
		lines.add(index, line);
		keys.add(index, key);
		if (lines.size() > capacity) {
			lines.remove(lines.size() - 1);
			keys.remove(keys.size() - 1);
		}
		return Optional.of(new TickerUpdate(edition, TickerUpdate.Kind.ADDED, position, line.storyId(), line, index));
	}

	private boolean showsHeadlineOfAnotherStory(String storyId, String key) {
		for (int i = 0; i < lines.size(); i++) {
			if (keys.get(i).equals(key) && !lines.get(i).storyId().equals(storyId)) {
				return true;
			}
		}
		return false;
	}

	private int insertionIndex(Headline line) {
		int index = 0;
		while (index < lines.size() && lines.get(index).isNewerThan(line)) {
			index++;
		}
		return index;
	}

	private int indexOf(String storyId) {
		for (int i = 0; i < lines.size(); i++) {
			if (lines.get(i).storyId().equals(storyId)) {
				return i;
			}
		}
		return -1;
	}
}

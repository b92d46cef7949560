package news.flashwire.ticker.headline;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import news.flashwire.common.ticker.TickerChange;

/**
 * The rolling list of one edition: at most {@code capacity} lines, newest first, one line per story. Applying the
 * same change twice, or an older revision after a newer one, changes nothing; a killed story never comes back.
 */
public class EditionTicker {

	private static final int REMEMBERED_KILLS = 10_000;

	private final int capacity;

	private final List<Headline> lines = new ArrayList<>();

	private final Map<String, Long> killed = new LinkedHashMap<>(16, 0.75f, false) {
		@Override
		protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
			return size() > REMEMBERED_KILLS;
		}
	};

	public EditionTicker(int capacity) {
		this.capacity = capacity;
	}

	/** Applies one change read at {@code position}; answers what websites must do, if anything. */
	public Optional<TickerUpdate> apply(TickerChange change, long position) {
		String storyId = change.storyId().value();
		if (killed.containsKey(storyId)) {
			return Optional.empty();
		}
		if (change instanceof TickerChange.Listed listed) {
			return list(Headline.of(listed), position);
		}
		killed.put(storyId, change.revision());
		int index = indexOf(storyId);
		if (index < 0) {
			return Optional.empty();
		}
		lines.remove(index);
		return Optional.of(new TickerUpdate(TickerUpdate.Kind.REMOVED, position, storyId, null, index));
	}

	public List<Headline> lines() {
		return Collections.unmodifiableList(new ArrayList<>(lines));
	}

	private Optional<TickerUpdate> list(Headline line, long position) {
		int existing = indexOf(line.storyId());
		if (existing >= 0) {
			if (lines.get(existing).revision() >= line.revision()) {
				return Optional.empty();
			}
			lines.set(existing, line);
			return Optional.of(new TickerUpdate(TickerUpdate.Kind.UPDATED, position, line.storyId(), line, existing));
		}
		int index = insertionIndex(line);
		if (index >= capacity) {
			return Optional.empty();
		}
		lines.add(index, line);
		if (lines.size() > capacity) {
			lines.remove(lines.size() - 1);
		}
		return Optional.of(new TickerUpdate(TickerUpdate.Kind.ADDED, position, line.storyId(), line, index));
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

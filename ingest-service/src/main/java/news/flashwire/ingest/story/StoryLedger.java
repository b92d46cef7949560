package news.flashwire.ingest.story;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;

/**
 * The last known state of every story, kept in memory and rebuilt from the compacted stories topic at start-up (see
 * {@link StoriesReplay}). Applying an event is idempotent: what is not newer than the known revision is ignored, so an
 * instance's own events and those read back from Kafka can arrive in any order.
 */
@Component
public class StoryLedger {

	/** Header on each stories record with the source's own version, so the ledger can be rebuilt from the topic. */
	public static final String SOURCE_VERSION_HEADER = "flashwire-source-version";

	/** Header on each stories record with the event's revision, so a replay can pass over what the ledger has. */
	public static final String REVISION_HEADER = "flashwire-revision";

	private final Map<StoryId, StoryState> stories = new ConcurrentHashMap<>();

	private final Map<String, Linked> headlines = new ConcurrentHashMap<>();

	private final Set<StoryId> corrected = ConcurrentHashMap.newKeySet();

	private final RecentChanges recent = new RecentChanges();

	private final Duration duplicateWindow;

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	StoryLedger(StorySettings settings) {
		this.duplicateWindow = settings.duplicateWindow();
	}

	/** True once every story event committed before start-up has been read: only then are decisions safe. */
	public boolean caughtUp() {
		return caughtUp.getCount() == 0;
	}

	/** Waits at most {@code timeout} for {@link #caughtUp()}, so requests right after start-up need not fail. */
	public boolean awaitCaughtUp(Duration timeout) {
		try {
			return caughtUp.await(timeout.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return false;
		}
	}

	void markCaughtUp() {
		caughtUp.countDown();
	}

	public Optional<StoryState> state(StoryId id) {
		return Optional.ofNullable(stories.get(id));
	}

	/** True when the ledger already holds this revision of the story or a later one: applying it would change nothing. */
	boolean knows(StoryId id, long revision) {
		StoryState known = stories.get(id);
		return known != null && known.revision() >= revision;
	}

	/** The live story another source already published with this near-duplicate key, if it is recent enough. */
	public Optional<StoryId> nearDuplicateOf(String key, StoryId newcomer, Instant now) {
		return live(headlines.get(key), newcomer, now, stories::get);
	}

	private Optional<StoryId> live(@Nullable Linked linked, StoryId newcomer, Instant now,
			Function<StoryId, @Nullable StoryState> states) {
		if (linked == null || linked.storyId().equals(newcomer) || linked.seenAt().plus(duplicateWindow).isBefore(now)) {
			return Optional.empty();
		}
		StoryState state = states.apply(linked.storyId());
		return state == null || state.killed() ? Optional.empty() : Optional.of(linked.storyId());
	}

	/**
	 * A view of this ledger for deciding several versions before they are published together: each decision is applied
	 * to the draft so the next one sees it, and the ledger itself learns of them only after the commit.
	 */
	public Draft draft() {
		return new Draft(16);
	}

	/** As {@link #draft()}, for about {@code versions} versions. */
	public Draft draft(int versions) {
		return new Draft(versions);
	}

	public void apply(StoryEvent event, long sourceVersion) {
		apply(event, known -> next(known, event, sourceVersion),
				next -> NearDuplicateKey.of(next.story().edition(), next.story().headline()));
	}

	/**
	 * Applies what was applied to the draft, once it is published: the same as applying its events one by one, without
	 * working out their states and near-duplicate keys a second time.
	 */
	public void apply(Draft draft) {
		for (Draft.Change change : draft.changes) {
			apply(change.event(), known -> change.state(), next -> change.nearDuplicateKey());
		}
	}

	private void apply(StoryEvent event, Function<@Nullable StoryState, StoryState> nextOf,
			Function<StoryState, String> keyOf) {
		stories.compute(event.storyId(), (id, known) -> {
			if (known != null && known.revision() >= event.revision()) {
				return known;
			}
			StoryState next = nextOf.apply(known);
			if (event instanceof StoryEvent.Corrected) {
				corrected.add(id);
			}
			if (!next.killed()) {
				headlines.put(keyOf.apply(next), new Linked(id, next.seenAt()));
			}
			recent.changed(id, known == null ? null : known.seenAt(), next.seenAt());
			return next;
		});
	}

	/** The ledger as it will be once the versions applied to the draft are published; not thread-safe. */
	public final class Draft {

		private final Map<StoryId, StoryState> pending;

		private final Map<String, Linked> pendingHeadlines;

		private final List<Change> changes;

		private Draft(int versions) {
			int capacity = Math.max(16, versions * 4 / 3 + 1);
			this.pending = new HashMap<>(capacity);
			this.pendingHeadlines = new HashMap<>(capacity);
			this.changes = new ArrayList<>(versions);
		}

		public Optional<StoryState> state(StoryId id) {
			StoryState state = pending.get(id);
			return state != null ? Optional.of(state) : StoryLedger.this.state(id);
		}

		public Optional<StoryId> nearDuplicateOf(String key, StoryId newcomer, Instant now) {
			Linked linked = pendingHeadlines.get(key);
			return live(linked != null ? linked : headlines.get(key), newcomer, now,
					id -> state(id).orElse(null));
		}

		/** Applies the event, whose story (when it has one) has this near-duplicate key, to the draft. */
		public void apply(StoryEvent event, long sourceVersion, String nearDuplicateKey) {
			StoryState known = state(event.storyId()).orElse(null);
			if (known != null && known.revision() >= event.revision()) {
				return;
			}
			StoryState next = next(known, event, sourceVersion);
			pending.put(event.storyId(), next);
			if (!next.killed()) {
				pendingHeadlines.put(nearDuplicateKey, new Linked(event.storyId(), next.seenAt()));
			}
			changes.add(new Change(event, next, nearDuplicateKey));
		}

		private record Change(StoryEvent event, StoryState state, String nearDuplicateKey) {
		}
	}

	private static StoryState next(@Nullable StoryState known, StoryEvent event, long sourceVersion) {
		Instant at = event.meta().occurredAt();
		if (event instanceof StoryEvent.Killed) {
			Story last = known != null ? known.story() : null;
			return new StoryState(sourceVersion, event.revision(), true, last != null ? last : placeholder(event), at,
					known != null ? known.alertedAs() : null);
		}
		Story story = storyOf(event);
		return new StoryState(sourceVersion, event.revision(), false, story, at,
				StoryState.alertedAs(known, story.urgency()));
	}

	private static Story storyOf(StoryEvent event) {
		if (event instanceof StoryEvent.Published published) {
			return published.story();
		}
		if (event instanceof StoryEvent.Updated updated) {
			return updated.story();
		}
		return ((StoryEvent.Corrected) event).story();
	}

	private static Story placeholder(StoryEvent event) {
		return new Story("(killed)", event.edition(), news.flashwire.common.story.Urgency.ROUTINE, null, null,
				event.meta().occurredAt(), null);
	}

	/**
	 * The stories of one provider changed most recently first, at most {@code limit} of them (up to
	 * {@value RecentChanges#KEPT}).
	 */
	public List<Entry> recent(String provider, int limit) {
		List<Entry> entries = new ArrayList<>();
		for (StoryId storyId : recent.newest(provider, limit)) {
			StoryState state = stories.get(storyId);
			// Marked while its first state was being stored: listed from the next request on.
			if (state != null) {
				entries.add(new Entry(storyId, state, corrected.contains(storyId)));
			}
		}
		return entries;
	}

	int size() {
		return stories.size();
	}

	/** A story as the ledger knows it, and whether it was ever corrected. */
	public record Entry(StoryId storyId, StoryState state, boolean corrected) {
	}

	private record Linked(StoryId storyId, Instant seenAt) {
	}
}

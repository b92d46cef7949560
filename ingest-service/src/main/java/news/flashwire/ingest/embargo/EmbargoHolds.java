package news.flashwire.ingest.embargo;

import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import news.flashwire.common.story.StoryId;

/**
 * Every held story, rebuilt from the held topic at start-up (see {@link HeldReplay}). Each entry remembers the offset
 * of the record it came from, so reading back this instance's own writes (or older records) never undoes a newer
 * hold, release or kill: a record applies only when it is newer than what is known of its story.
 */
@Component
class EmbargoHolds {

	private final Map<StoryId, Entry> held = new ConcurrentHashMap<>();

	private final CountDownLatch caughtUp = new CountDownLatch(1);

	/** The story held now, waiting for its release (not one canceled while held). */
	Optional<HeldStory> get(StoryId id) {
		return known(id).filter(story -> !story.isCanceled());
	}

	/** Whether the story was killed while held: then it must never be published. */
	boolean isCanceled(StoryId id) {
		return known(id).filter(HeldStory::isCanceled).isPresent();
	}

	private Optional<HeldStory> known(StoryId id) {
		Entry entry = held.get(id);
		return entry == null ? Optional.empty() : Optional.ofNullable(entry.story());
	}

	/** A record read from the topic: applied only when newer than what this instance knows of the story. */
	void apply(StoryId id, @Nullable HeldStory story, int partition, long offset) {
		held.merge(id, new Entry(story, partition, offset), (known, read) -> read.offset() > known.offset() ? read : known);
	}

	/** This instance's own write, acknowledged at {@code offset}. */
	void wrote(StoryId id, @Nullable HeldStory story, int partition, long offset) {
		held.put(id, new Entry(story, partition, offset));
	}

	/** Released through the stories topic, whose tombstone for the held record comes later than its offset. */
	void released(StoryId id) {
		held.computeIfPresent(id, (key, known) -> new Entry(null, known.partition(), known.offset()));
	}

	List<HeldStory> dueBy(Instant now, Set<Integer> partitions) {
		return owned(partitions).filter(story -> story.dueBy(now)).toList();
	}

	Optional<Instant> nextDue(Set<Integer> partitions) {
		return owned(partitions).map(HeldStory::embargoedUntil).filter(Objects::nonNull).min(Comparator.naturalOrder());
	}

	List<HeldStory> all() {
		return held.values().stream().map(Entry::story).filter(Objects::nonNull).filter(story -> !story.isCanceled()).toList();
	}

	private java.util.stream.Stream<HeldStory> owned(Set<Integer> partitions) {
		return held.values()
			.stream()
			.filter(entry -> entry.story() != null && partitions.contains(entry.partition()))
			.map(Entry::story)
			.filter(story -> !story.isCanceled());
	}

	boolean caughtUp() {
		return caughtUp.getCount() == 0;
	}

	boolean awaitCaughtUp(Duration timeout) {
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

	private record Entry(@Nullable HeldStory story, int partition, long offset) {
	}
}

package news.flashwire.ingest.embargo;

import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.publish.StoryPublisher;
import news.flashwire.ingest.story.Outcome;

/**
 * Publishes held stories when their embargo ends: one timer thread wakes at the next due instant of the held topic's
 * partitions this instance owns (see {@link EmbargoConfiguration}: one owner per partition, so one instance releases
 * each story), and publishes the story with the tombstone of its held record in one transaction.
 */
@Component
class EmbargoRelease implements DisposableBean {

	private static final Logger log = LoggerFactory.getLogger(EmbargoRelease.class);

	private static final Duration RETRY = Duration.ofSeconds(1);

	private final EmbargoHolds holds;

	private final HoldLocks locks;

	private final StoryPublisher publisher;

	private final Set<Integer> owned = ConcurrentHashMap.newKeySet();

	private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
		Thread thread = new Thread(task, "embargo-release");
		thread.setDaemon(true);
		return thread;
	});

	private @Nullable ScheduledFuture<?> next;

	EmbargoRelease(EmbargoHolds holds, HoldLocks locks, StoryPublisher publisher) {
		this.holds = holds;
		this.locks = locks;
		this.publisher = publisher;
	}

	void own(Collection<TopicPartition> partitions) {
		partitions.forEach(partition -> owned.add(partition.partition()));
		wake();
	}

	void disown(Collection<TopicPartition> partitions) {
		partitions.forEach(partition -> owned.remove(partition.partition()));
	}

	/** Looks again for due stories and for the next instant to wake at: a hold came, went or changed owner. */
	void wake() {
		try {
			timer.execute(this::releaseDue);
		}
		catch (RejectedExecutionException ex) {
			// stopping
		}
	}

	/** Publishes a held story now, if it is still held as it was; empty when it is not. */
	Optional<Outcome> release(HeldStory story) {
		return locks.withLock(story.storyId(), () -> {
			if (!holds.get(story.storyId()).filter(story::equals).isPresent()) {
				return Optional.empty();
			}
			Outcome outcome = publisher.publishNow(story.incoming(), List.of(tombstone(story.storyId())));
			holds.released(story.storyId());
			log.info("Released held {} version {}: {}", story.storyId(), story.version(), outcome.status());
			return Optional.of(outcome);
		});
	}

	static ProducerRecord<String, @Nullable Object> tombstone(StoryId id) {
		return new ProducerRecord<>(Topics.HELD, id.value(), null);
	}

	private void releaseDue() {
		if (!holds.caughtUp()) {
			return;
		}
		Instant now = Instant.now();
		boolean failed = false;
		for (HeldStory story : holds.dueBy(now, owned)) {
			try {
				release(story);
			}
			catch (RuntimeException ex) {
				log.warn("Releasing held {} failed, trying again in {}: {}", story.storyId(), RETRY, ex.toString());
				failed = true;
			}
		}
		Instant at = failed ? now.plus(RETRY) : holds.nextDue(owned).orElse(null);
		if (next != null) {
			next.cancel(false);
		}
		next = at == null ? null
				: timer.schedule(this::releaseDue, Math.max(0, Duration.between(Instant.now(), at).toMillis() + 1),
						TimeUnit.MILLISECONDS);
	}

	@Override
	public void destroy() {
		timer.shutdownNow();
	}
}

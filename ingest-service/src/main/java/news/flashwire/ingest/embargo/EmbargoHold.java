package news.flashwire.ingest.embargo;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.producer.RecordMetadata;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.support.SendResult;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.publish.BrokerUnavailable;
import news.flashwire.ingest.publish.StoryPublisher;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.StoryLedger;
import news.flashwire.ingest.story.StoryState;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where every delivered version enters: without an embargo (and nothing held) it goes straight to the
 * {@link StoryPublisher}; with one still running it is written to the held topic instead, and answered {@code held}
 * (or {@code held-for-editor}). A kill of a held story cancels it for good: nothing of it is ever published. A newer version
 * of a held story replaces it; one without an embargo is published together with the held record's tombstone.
 */
@Component
public class EmbargoHold {

	private static final String CANCELED_BEFORE_RELEASE = "canceled before its embargo ended";

	private final EmbargoHolds holds;

	private final HoldLocks locks;

	private final StoryPublisher publisher;

	private final StoryLedger ledger;

	private final KafkaTemplate<String, Object> kafka;

	private final EmbargoRelease release;

	private final EmbargoSettings settings;

	private final Duration retryAfter;

	EmbargoHold(EmbargoHolds holds, HoldLocks locks, StoryPublisher publisher, StoryLedger ledger,
			KafkaTemplate<String, Object> kafka, EmbargoRelease release, EmbargoSettings settings,
			@Value("${flashwire.ingest.publish.retry-after:5s}") Duration retryAfter) {
		this.retryAfter = retryAfter;
		this.holds = holds;
		this.locks = locks;
		this.publisher = publisher;
		this.ledger = ledger;
		this.kafka = kafka;
		this.release = release;
		this.settings = settings;
	}

	public Mono<Outcome> submit(IncomingStory incoming, Embargo embargo) {
		if (direct(incoming, embargo)) {
			return publisher.publish(incoming);
		}
		return blocking(() -> locks.withLock(incoming.storyId(), () -> decide(incoming, embargo)));
	}

	/**
	 * A batch, one outcome per version in order: when nothing in it is embargoed or held (the usual case) it is
	 * published in one transaction; otherwise each version is submitted on its own, one after another.
	 */
	public Mono<List<Outcome>> submitAll(List<Submission> batch) {
		if (batch.stream().allMatch(submission -> direct(submission.story(), submission.embargo()))) {
			return publisher.publishAll(batch.stream().map(Submission::story).toList());
		}
		return Flux.fromIterable(batch)
			.concatMap(submission -> submit(submission.story(), submission.embargo()))
			.collectList();
	}

	private boolean direct(IncomingStory incoming, Embargo embargo) {
		return !embargo.embargoed() && holds.caughtUp() && holds.get(incoming.storyId()).isEmpty()
				&& !holds.isCanceled(incoming.storyId());
	}

	public boolean isHeld(StoryId id) {
		return holds.get(id).isPresent();
	}

	/** The story held under {@code id}, if one is. */
	public Optional<Story> heldStory(StoryId id) {
		return holds.get(id).map(HeldStory::story);
	}

	/** The stories of one provider held now (waiting for their embargo or an editor), in no particular order. */
	public List<HeldStory> held(String provider) {
		String prefix = provider + ":";
		return holds.all().stream().filter(story -> story.storyId().value().startsWith(prefix)).toList();
	}

	/** Kills a held story before its release: answered {@code canceled}, or empty when it is not held. */
	public Mono<Outcome> cancel(StoryId id) {
		return blocking(() -> locks.withLock(id, () -> {
			caughtUp();
			return holds.get(id)
				.map(held -> cancel(held, IncomingStory.killed(id, held.version(), held.story(), CANCELED_BEFORE_RELEASE)))
				.orElse(null);
		}));
	}

	private Outcome decide(IncomingStory incoming, Embargo embargo) {
		caughtUp();
		StoryId id = incoming.storyId();
		if (holds.isCanceled(id)) {
			return Outcome.of(id, revision(id), "already-killed");
		}
		HeldStory held = holds.get(id).orElse(null);
		if (held != null && incoming.status() == IncomingStory.Status.KILLED) {
			return cancel(held, incoming);
		}
		if (held != null && incoming.version() != IncomingStory.NEXT_VERSION && incoming.version() <= held.version()) {
			return answer(held);
		}
		if (!embargo.holds(Instant.now()) || incoming.status() == IncomingStory.Status.KILLED) {
			if (held == null) {
				return publisher.publishNow(incoming, List.of());
			}
			Outcome outcome = publisher.publishNow(incoming, List.of(EmbargoRelease.tombstone(id)));
			holds.released(id);
			return outcome;
		}
		StoryState state = ledger.state(id).orElse(null);
		if (state != null && state.killed()) {
			return Outcome.of(id, state.revision(), "already-killed");
		}
		// A version already public, or older than it, is not held again: its release would publish nothing.
		if (state != null && incoming.version() != IncomingStory.NEXT_VERSION
				&& incoming.version() <= state.sourceVersion()) {
			return Outcome.of(id, state.revision(), incoming.version() == state.sourceVersion() ? "duplicate" : "stale");
		}
		return hold(HeldStory.of(incoming, embargo, Instant.now()));
	}

	private Outcome hold(HeldStory story) {
		RecordMetadata written = write(story.storyId(), story);
		holds.wrote(story.storyId(), story, written.partition(), written.offset());
		release.wake();
		return answer(story);
	}

	/**
	 * A story never public is canceled on the held topic only (kept there for good, so nothing of it, not even its
	 * kill, reaches a public topic). One with an earlier version already public is killed in public too, with the held
	 * record's tombstone in the same transaction.
	 */
	private Outcome cancel(HeldStory story, IncomingStory kill) {
		StoryId id = story.storyId();
		StoryState state = ledger.state(id).orElse(null);
		if (state != null && !state.killed()) {
			Outcome killed = publisher.publishNow(kill, List.of(EmbargoRelease.tombstone(id)));
			holds.released(id);
			return Outcome.of(id, killed.revision(), "canceled");
		}
		HeldStory canceled = story.canceled(Instant.now());
		RecordMetadata written = write(id, canceled);
		holds.wrote(id, canceled, written.partition(), written.offset());
		return Outcome.of(id, revision(id), "canceled");
	}

	private Outcome answer(HeldStory story) {
		return new Outcome(story.storyId(), revision(story.storyId()), story.status(), null, story.embargoedUntil());
	}

	private long revision(StoryId id) {
		return ledger.state(id).map(StoryState::revision).orElse(0L);
	}

	private RecordMetadata write(StoryId id, @Nullable HeldStory story) {
		try {
			CompletableFuture<SendResult<String, Object>> sent = kafka
				.executeInTransaction(operations -> operations.send(Topics.HELD, id.value(), story));
			return sent.get(retryAfter.toMillis() + 10_000, TimeUnit.MILLISECONDS).getRecordMetadata();
		}
		catch (ExecutionException | TimeoutException | RuntimeException ex) {
			throw new BrokerUnavailable(retryAfter, ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new BrokerUnavailable(retryAfter, ex);
		}
	}

	private void caughtUp() {
		if (!holds.awaitCaughtUp(settings.catchUpWait())) {
			throw new BrokerUnavailable(retryAfter, "Ingest is still reading the held topic.");
		}
	}

	private static <T> Mono<T> blocking(java.util.concurrent.Callable<@Nullable T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}
}

package news.flashwire.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.ingest.story.Decision;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.Publication;
import news.flashwire.ingest.story.StoryIntake;
import news.flashwire.ingest.story.StoryLedger;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies the story rules to delivered versions and puts what they decide (story events and maybe alerts) on Kafka in
 * one transaction per call, a batch's records sent without waiting on each; completes only when the broker has
 * acknowledged all of it (the commit), so the caller answers success only then, and a failed commit publishes nothing
 * of the call. The ledger learns of the events only after the commit.
 */
@Component
public class StoryPublisher {

	private static final Logger log = LoggerFactory.getLogger(StoryPublisher.class);

	private final TracedTransactions transactions;

	private final StoryIntake intake;

	private final StoryLedger ledger;

	private final StoryLocks locks;

	private final PublishSettings settings;

	StoryPublisher(KafkaTemplate<String, Object> kafka, ObservationRegistry observations, ObjectProvider<Tracer> tracer,
			ObjectProvider<Propagator> propagator, StoryIntake intake, StoryLedger ledger, StoryLocks locks,
			PublishSettings settings) {
		this.transactions = new TracedTransactions(kafka, observations, tracer.getIfAvailable(),
				propagator.getIfAvailable());
		this.intake = intake;
		this.ledger = ledger;
		this.locks = locks;
		this.settings = settings;
	}

	public Mono<Outcome> publish(IncomingStory incoming) {
		return publish(incoming, List.of());
	}

	/**
	 * As {@link #publish(IncomingStory)}, with {@code alongside} records (e.g. the tombstone of a held story) in the
	 * same transaction, written even when the rules publish nothing for the story itself.
	 */
	public Mono<Outcome> publish(IncomingStory incoming, List<ProducerRecord<String, @Nullable Object>> alongside) {
		return publishAll(List.of(incoming), alongside).map(outcomes -> outcomes.get(0));
	}

	/**
	 * As {@link #publish(IncomingStory, List)}, on the calling thread, for callers that already run on a worker thread
	 * and wait for the answer (the embargo hold and release, the feed poller): a publish they blocked on would wait for
	 * a worker of the same pool, and with every worker blocked so, none would be left to run it.
	 */
	public Outcome publishNow(IncomingStory incoming, List<ProducerRecord<String, @Nullable Object>> alongside) {
		return publishedHere(List.of(incoming), alongside).get(0);
	}

	/**
	 * Decides every version in order (a later one sees what the earlier ones publish, as if they came one by one) and
	 * publishes all of them in one transaction: one outcome per version, or an error and nothing published.
	 */
	public Mono<List<Outcome>> publishAll(List<IncomingStory> batch) {
		return publishAll(batch, List.of());
	}

	private Mono<List<Outcome>> publishAll(List<IncomingStory> batch,
			List<ProducerRecord<String, @Nullable Object>> alongside) {
		return Mono.fromCallable(() -> publishedHere(batch, alongside)).subscribeOn(Schedulers.boundedElastic());
	}

	/** Decides and publishes on the calling thread; any failure is answered as the broker being unavailable. */
	private List<Outcome> publishedHere(List<IncomingStory> batch,
			List<ProducerRecord<String, @Nullable Object>> alongside) {
		try {
			return locks.withLocks(keysOf(batch), () -> decideAndPublish(batch, alongside));
		}
		catch (BrokerUnavailable ex) {
			throw ex;
		}
		catch (RuntimeException ex) {
			throw unavailable(ex);
		}
	}

	private List<Outcome> decideAndPublish(List<IncomingStory> batch,
			List<ProducerRecord<String, @Nullable Object>> alongside) {
		if (!ledger.awaitCaughtUp(settings.catchUpWait())) {
			throw new BrokerUnavailable(settings.retryAfter(), "Ingest is still reading the stories topic.");
		}
		StoryLedger.Draft draft = ledger.draft(batch.size());
		List<Outcome> outcomes = new ArrayList<>(batch.size());
		List<Decision> published = new ArrayList<>();
		for (IncomingStory incoming : batch) {
			Decision decision = intake.decide(incoming, draft);
			outcomes.add(decision.outcome());
			if (decision.publication() != null) {
				published.add(decision);
			}
		}
		Runnable committed = () -> {
			ledger.apply(draft);
			logPublished(published);
		};
		if (!published.isEmpty() || !alongside.isEmpty()) {
			transactions.execute(published.size() + alongside.size(), (operations, trace) -> {
				sendAll(operations, alongside, trace);
				published.forEach(decision -> send(operations, decision, trace));
			}, committed);
		}
		else {
			committed.run();
		}
		return outcomes;
	}

	private static List<Object> keysOf(List<IncomingStory> batch) {
		List<Object> keys = new ArrayList<>(batch.size() * 2);
		for (IncomingStory incoming : batch) {
			keys.add(incoming.storyId());
			keys.add(incoming.nearDuplicateKey());
		}
		return keys;
	}

	// Sent without waiting: the commit flushes the transaction and fails if any record was not acknowledged.
	private static void send(KafkaOperations<String, Object> operations, Decision decision,
			TracedTransactions.Trace trace) {
		Publication publication = Objects.requireNonNull(decision.publication());
		StoryEvent event = publication.event();
		ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.STORIES, event.storyId().value(), event);
		record.headers()
			.add(StoryLedger.SOURCE_VERSION_HEADER, Long.toString(decision.sourceVersion()).getBytes(StandardCharsets.UTF_8))
			.add(StoryLedger.REVISION_HEADER, Long.toString(event.revision()).getBytes(StandardCharsets.UTF_8));
		operations.send(trace.onto(record));
		Alert alert = publication.alert();
		if (alert != null) {
			operations.send(trace.onto(new ProducerRecord<>(Topics.ALERTS, alert.storyId().value(), alert)));
		}
	}

	private static StoryEvent eventOf(Decision decision) {
		return Objects.requireNonNull(decision.publication()).event();
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static void sendAll(KafkaOperations<String, Object> operations,
			List<ProducerRecord<String, @Nullable Object>> records, TracedTransactions.Trace trace) {
		records.forEach(record -> operations.send((ProducerRecord) trace.onto((ProducerRecord) record)));
	}

	private BrokerUnavailable unavailable(Throwable cause) {
		log.warn("Kafka did not acknowledge a story, answering 503: {}", cause.toString());
		return new BrokerUnavailable(settings.retryAfter(), cause);
	}

	// One line per story for single posts; a batch gets one line per transaction, its stories at debug level.
	private static void logPublished(List<Decision> published) {
		if (published.size() > 1) {
			long alerts = published.stream().filter(decision -> alertOf(decision) != null).count();
			log.info("Published {} story events ({} with alert) in one transaction", published.size(), alerts);
		}
		Level level = published.size() == 1 ? Level.INFO : Level.DEBUG;
		if (!log.isEnabledForLevel(level)) {
			return;
		}
		for (Decision decision : published) {
			StoryEvent event = eventOf(decision);
			log.atLevel(level)
				.log("Published {} {} revision {} to edition {}{}", event.getClass().getSimpleName().toLowerCase(),
						event.storyId(), event.revision(), event.edition(),
						alertOf(decision) != null ? " with alert" : "");
		}
	}

	private static @Nullable Alert alertOf(Decision decision) {
		return Objects.requireNonNull(decision.publication()).alert();
	}
}

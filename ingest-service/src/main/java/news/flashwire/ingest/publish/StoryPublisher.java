package news.flashwire.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Applies the story rules to a delivered version and puts what they decide (a story event and maybe an alert) on
 * Kafka in one transaction; completes only when the broker has acknowledged all of it, so the caller answers success
 * only then. The ledger learns of the event only after the commit.
 */
@Component
public class StoryPublisher {

	private static final Logger log = LoggerFactory.getLogger(StoryPublisher.class);

	private final KafkaTemplate<String, Object> kafka;

	private final StoryIntake intake;

	private final StoryLedger ledger;

	private final StoryLocks locks;

	private final PublishSettings settings;

	StoryPublisher(KafkaTemplate<String, Object> kafka, StoryIntake intake, StoryLedger ledger, StoryLocks locks,
			PublishSettings settings) {
		this.kafka = kafka;
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
		return Mono.fromCallable(() -> locks.withLocks(incoming.storyId(), incoming.nearDuplicateKey(), () -> {
			if (!ledger.awaitCaughtUp(settings.catchUpWait())) {
				throw new BrokerUnavailable(settings.retryAfter(), "Ingest is still reading the stories topic.");
			}
			Decision decision = intake.decide(incoming);
			if (decision.publication() == null && !alongside.isEmpty()) {
				kafka.executeInTransaction(operations -> sendAll(operations, alongside));
			}
			if (decision.publication() != null) {
				send(decision.publication(), decision.sourceVersion(), alongside);
				ledger.apply(decision.publication().event(), decision.sourceVersion());
				logPublished(decision.publication());
			}
			return decision.outcome();
		})).subscribeOn(Schedulers.boundedElastic()).onErrorMap(ex -> !(ex instanceof BrokerUnavailable), this::unavailable);
	}

	private void send(Publication publication, long sourceVersion,
			List<ProducerRecord<String, @Nullable Object>> alongside) {
		kafka.executeInTransaction(operations -> {
			sendAll(operations, alongside);
			StoryEvent event = publication.event();
			ProducerRecord<String, Object> record = new ProducerRecord<>(Topics.STORIES, event.storyId().value(), event);
			record.headers()
				.add(StoryLedger.SOURCE_VERSION_HEADER, Long.toString(sourceVersion).getBytes(StandardCharsets.UTF_8));
			operations.send(record);
			Alert alert = publication.alert();
			if (alert != null) {
				operations.send(Topics.ALERTS, alert.storyId().value(), alert);
			}
			return publication;
		});
	}

	@SuppressWarnings({ "unchecked", "rawtypes" })
	private static boolean sendAll(KafkaOperations<String, Object> operations,
			List<ProducerRecord<String, @Nullable Object>> records) {
		records.forEach(record -> operations.send((ProducerRecord) record));
		return true;
	}

	private BrokerUnavailable unavailable(Throwable cause) {
		log.warn("Kafka did not acknowledge a story, answering 503: {}", cause.toString());
		return new BrokerUnavailable(settings.retryAfter(), cause);
	}

	private static void logPublished(Publication publication) {
		StoryEvent event = publication.event();
		log.info("Published {} {} revision {} to edition {}{}", event.getClass().getSimpleName().toLowerCase(),
				event.storyId(), event.revision(), event.edition(), publication.alert() != null ? " with alert" : "");
	}
}

package news.flashwire.ingest.publish;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.ingest.story.Publication;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Puts a story event (and its alert) on Kafka in one transaction and completes only when the broker has
 * acknowledged all of it: the caller answers success only then.
 */
@Component
public class StoryPublisher {

	private static final Logger log = LoggerFactory.getLogger(StoryPublisher.class);

	private final KafkaTemplate<String, Object> kafka;

	private final PublishSettings settings;

	StoryPublisher(KafkaTemplate<String, Object> kafka, PublishSettings settings) {
		this.kafka = kafka;
		this.settings = settings;
	}

	public Mono<Publication> publish(Publication publication) {
		return Mono.fromCallable(() -> kafka.executeInTransaction(operations -> {
			StoryEvent event = publication.event();
			operations.send(Topics.STORIES, event.storyId().value(), event);
			if (publication.alert() != null) {
				Alert alert = publication.alert();
				operations.send(Topics.ALERTS, alert.storyId().value(), alert);
			}
			return publication;
		}))
			.subscribeOn(Schedulers.boundedElastic())
			.doOnNext(StoryPublisher::logPublished)
			.onErrorMap(ex -> !(ex instanceof BrokerUnavailable), this::unavailable);
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

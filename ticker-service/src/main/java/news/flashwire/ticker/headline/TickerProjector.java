package news.flashwire.ticker.headline;

import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.ticker.TickerChange;

/**
 * Turns story events into ticker changes keyed by edition. The ticker instances share this work through a consumer
 * group; a change written twice after a crash is harmless, since tickers ignore a revision they already show.
 */
@Component
class TickerProjector {

	private static final Logger log = LoggerFactory.getLogger(TickerProjector.class);

	private static final long SEND_TIMEOUT_SECONDS = 30;

	private final KafkaTemplate<String, Object> kafka;

	TickerProjector(KafkaTemplate<String, Object> kafka) {
		this.kafka = kafka;
	}

	@KafkaListener(id = "ticker-projector", groupId = "ticker-projector", topics = Topics.STORIES,
			properties = "spring.deserializer.value.delegate.class=news.flashwire.common.story.StoryEventDeserializer")
	void on(StoryEvent event) throws Exception {
		TickerChange change = changeFor(event);
		kafka.send(Topics.TICKER, change.edition().code(), change).get(SEND_TIMEOUT_SECONDS, TimeUnit.SECONDS);
		log.info("Ticker {} {} story {} revision {}", change.edition(),
				change instanceof TickerChange.Listed ? "lists" : "removes", event.storyId(), event.revision());
	}

	static TickerChange changeFor(StoryEvent event) {
		EventMeta meta = EventMeta.now();
		if (event instanceof StoryEvent.Published published) {
			return new TickerChange.Listed(meta, event.storyId(), event.revision(), published.story(), false);
		}
		if (event instanceof StoryEvent.Updated updated) {
			return new TickerChange.Listed(meta, event.storyId(), event.revision(), updated.story(), false);
		}
		if (event instanceof StoryEvent.Corrected corrected) {
			return new TickerChange.Listed(meta, event.storyId(), event.revision(), corrected.story(), true);
		}
		return new TickerChange.Removed(meta, event.storyId(), event.revision(), event.edition());
	}
}

package news.flashwire.ingest.feed;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.EventJson;
import news.flashwire.ingest.replay.TopicReplay;

/** Reads the feed-state topic into {@link FeedStates}, so a restarted poller knows what it took and what it read. */
@Component
class FeedStateReplay extends TopicReplay {

	private static final Logger log = LoggerFactory.getLogger(FeedStateReplay.class);

	private final FeedStates states;

	FeedStateReplay(FeedStates states, KafkaAdmin admin) {
		super(FeedStateTopic.NAME, admin);
		this.states = states;
	}

	@Override
	protected void apply(ConsumerRecord<String, byte[]> record) {
		// A tombstone (a source removed for good) leaves nothing to apply.
		if (record.value() != null) {
			states.apply(record.key(), EventJson.MAPPER.readValue(record.value(), FeedState.class));
		}
	}

	@Override
	protected boolean caughtUp() {
		return states.caughtUp();
	}

	@Override
	protected void markCaughtUp() {
		states.markCaughtUp();
		log.info("Feed states caught up with the feed-state topic: {} sources", states.size());
	}
}

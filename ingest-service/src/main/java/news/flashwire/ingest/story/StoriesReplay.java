package news.flashwire.ingest.story;

import java.nio.charset.StandardCharsets;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryEventDeserializer;
import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.replay.TopicReplay;

/**
 * Reads the stories topic into the {@link StoryLedger}, and keeps reading so that what other ingest instances
 * publish reaches this instance's ledger too.
 */
@Component
class StoriesReplay extends TopicReplay {

	private static final Logger log = LoggerFactory.getLogger(StoriesReplay.class);

	private final StoryLedger ledger;

	private final StoryEventDeserializer events = new StoryEventDeserializer();

	// Each fetch waits for a few hundred KB or 100 ms, whichever comes first, rather than returning as soon as any
	// record is there: under load that is a few fetches a second instead of hundreds, for the replay and the broker,
	// and what another instance publishes still reaches this ledger within about 100 ms.
	private static final Map<String, Object> FETCH = Map.of(ConsumerConfig.FETCH_MIN_BYTES_CONFIG, 256 * 1024,
			ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, 100);

	StoriesReplay(StoryLedger ledger, KafkaAdmin admin) {
		super(Topics.STORIES, admin, FETCH);
		this.ledger = ledger;
	}

	// Most records read while running are this instance's own, already applied when they were committed: the
	// revision header tells so without reading the event.
	@Override
	protected void apply(ConsumerRecord<String, byte[]> record) {
		if (alreadyKnown(record)) {
			return;
		}
		StoryEvent event = events.deserialize(record.topic(), record.value());
		if (event != null) {
			ledger.apply(event, sourceVersion(record, event));
		}
	}

	@Override
	protected boolean caughtUp() {
		return ledger.caughtUp();
	}

	@Override
	protected void markCaughtUp() {
		ledger.markCaughtUp();
		log.info("Story ledger caught up with the stories topic: {} stories", ledger.size());
	}

	private boolean alreadyKnown(ConsumerRecord<String, byte[]> record) {
		Header revision = record.headers().lastHeader(StoryLedger.REVISION_HEADER);
		return record.key() != null && revision != null && ledger.knows(new StoryId(record.key()),
				Long.parseLong(new String(revision.value(), StandardCharsets.UTF_8)));
	}

	private static long sourceVersion(ConsumerRecord<String, byte[]> record, StoryEvent event) {
		Header header = record.headers().lastHeader(StoryLedger.SOURCE_VERSION_HEADER);
		return header == null ? event.revision() : Long.parseLong(new String(header.value()));
	}
}

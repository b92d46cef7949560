package news.flashwire.ingest.embargo;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.replay.TopicReplay;

/**
 * Reads the held topic into {@link EmbargoHolds}, so held stories survive restarts, and keeps reading what other
 * instances hold, release and kill; every change wakes the release timer.
 */
@Component
class HeldReplay extends TopicReplay {

	private static final Logger log = LoggerFactory.getLogger(HeldReplay.class);

	private final EmbargoHolds holds;

	private final EmbargoRelease release;

	private final HeldStoryDeserializer reader = new HeldStoryDeserializer();

	HeldReplay(EmbargoHolds holds, EmbargoRelease release, KafkaAdmin admin) {
		super(Topics.HELD, admin);
		this.holds = holds;
		this.release = release;
	}

	@Override
	protected void apply(ConsumerRecord<String, byte[]> record) {
		holds.apply(new StoryId(record.key()), reader.deserialize(record.topic(), record.value()), record.partition(),
				record.offset());
		release.wake();
	}

	@Override
	protected boolean caughtUp() {
		return holds.caughtUp();
	}

	@Override
	protected void markCaughtUp() {
		holds.markCaughtUp();
		log.info("Embargo holds caught up with the held topic: {} held", holds.all().size());
		release.wake();
	}
}

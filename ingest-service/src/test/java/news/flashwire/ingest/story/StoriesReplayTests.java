package news.flashwire.ingest.story;

import static news.flashwire.ingest.story.Stories.freshId;
import static news.flashwire.ingest.story.Stories.story;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaAdmin;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.JsonEventSerializer;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;

/** What the replay does with each stories record: a revision the ledger already holds is passed over unread. */
class StoriesReplayTests {

	private final StoryLedger ledger = new StoryLedger(new StorySettings(Duration.ofHours(48)));

	private final StoriesReplay replay = new StoriesReplay(ledger,
			new KafkaAdmin(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:9")));

	private final StoryId id = freshId();

	@Test
	void appliesARevisionTheLedgerDoesNotHold() {
		replay.apply(record(revision(1), "1"));

		assertThat(ledger.state(id)).hasValueSatisfying(state -> assertThat(state.revision()).isEqualTo(1));
	}

	@Test
	void passesOverARevisionTheLedgerHoldsWithoutReadingIt() {
		ledger.apply(revision(2), 2);

		replay.apply(new ConsumerRecord<>(Topics.STORIES, 0, 0, 0, TimestampType.CREATE_TIME, 0, 0, id.value(),
				"not an event".getBytes(StandardCharsets.UTF_8), headers("1"), Optional.empty()));

		assertThat(ledger.state(id)).hasValueSatisfying(state -> assertThat(state.revision()).isEqualTo(2));
	}

	@Test
	void readsARecordWithoutTheRevisionHeader() {
		ledger.apply(revision(1), 1);

		replay.apply(record(revision(3), null));

		assertThat(ledger.state(id)).hasValueSatisfying(state -> assertThat(state.revision()).isEqualTo(3));
	}

	private StoryEvent revision(long revision) {
		return new StoryEvent.Updated(EventMeta.now(), id, revision, story("Quake hits Turkey", Urgency.ROUTINE));
	}

	private ConsumerRecord<String, byte[]> record(StoryEvent event, String revision) {
		byte[] value = new JsonEventSerializer<StoryEvent>().serialize(Topics.STORIES, event);
		return new ConsumerRecord<>(Topics.STORIES, 0, 0, 0, TimestampType.CREATE_TIME, 0, value.length, id.value(),
				value, headers(revision), Optional.empty());
	}

	private static RecordHeaders headers(String revision) {
		RecordHeaders headers = new RecordHeaders();
		headers.add(StoryLedger.SOURCE_VERSION_HEADER, "7".getBytes(StandardCharsets.UTF_8));
		if (revision != null) {
			headers.add(StoryLedger.REVISION_HEADER, revision.getBytes(StandardCharsets.UTF_8));
		}
		return headers;
	}
}

package news.flashwire.common.event;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;

class TopicSettingsTests {

	private final TopicSettings settings = new TopicSettings(6, (short) 3, 2);

	@Test
	void declaresEachTopicWithItsDeadLettersAndTheTickerWithItsOwnPartitions() {
		List<NewTopic> topics = settings.declare(Topics.STORIES, Topics.TICKER);

		assertThat(topics).extracting(NewTopic::name)
			.containsExactly(Topics.STORIES, Topics.deadLetters(Topics.STORIES), Topics.TICKER,
					Topics.deadLetters(Topics.TICKER));
		assertThat(topics.get(0).numPartitions()).isEqualTo(6);
		assertThat(topics.get(0).configs()).containsEntry("cleanup.policy", "compact");
		assertThat(topics.get(2).numPartitions()).isEqualTo(2);
		assertThat(topics.get(2).configs()).isEmpty();
	}

	@Test
	void aCompactedTopicKeepsTheLatestRecordOfEachKey() {
		NewTopic topic = settings.compacted("flashwire.credentials");

		assertThat(topic.name()).isEqualTo("flashwire.credentials");
		assertThat(topic.numPartitions()).isEqualTo(6);
		assertThat(topic.replicationFactor()).isEqualTo((short) 3);
		assertThat(topic.configs()).containsExactly(Map.entry("cleanup.policy", "compact"));
	}

	@Test
	void refusesNoPartitionsOrNoReplicas() {
		assertThatIllegalArgumentException().isThrownBy(() -> new TopicSettings(0, (short) 1, 1));
		assertThatIllegalArgumentException().isThrownBy(() -> new TopicSettings(1, (short) 0, 1));
	}
}

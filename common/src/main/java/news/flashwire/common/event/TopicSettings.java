package news.flashwire.common.event;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;

/**
 * How many partitions and replicas each topic gets; bound from configuration by each service, so the layout is set
 * in one place per deployment and never in code.
 */
public record TopicSettings(int partitions, short replicas, int tickerPartitions) {

	private static final Map<String, String> COMPACTED = Map.of(TopicConfig.CLEANUP_POLICY_CONFIG,
			TopicConfig.CLEANUP_POLICY_COMPACT);

	public TopicSettings {
		if (partitions < 1 || tickerPartitions < 1 || replicas < 1) {
			throw new IllegalArgumentException("partitions and replicas must be 1 or more");
		}
	}

	/** The topics (and their dead-letter companions) a service reads or writes, ready for the admin client. */
	public List<NewTopic> declare(String... topics) {
		List<NewTopic> declared = new ArrayList<>();
		for (String topic : topics) {
			int count = Topics.TICKER.equals(topic) ? tickerPartitions : partitions;
			declared.add(new NewTopic(topic, count, replicas).configs(configsOf(topic)));
			declared.add(new NewTopic(Topics.deadLetters(topic), count, replicas));
		}
		return declared;
	}

	/** A compacted topic of state keyed by name (no dead letters), which keeps the latest record of each key. */
	public NewTopic compacted(String topic) {
		return new NewTopic(topic, partitions, replicas).configs(COMPACTED);
	}

	private static Map<String, String> configsOf(String topic) {
		if (Topics.STORIES.equals(topic) || Topics.SUBSCRIPTIONS.equals(topic)) {
			return COMPACTED;
		}
		return Map.of();
	}
}

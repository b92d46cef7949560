package news.flashwire.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.Collection;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.utils.Utils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

import news.flashwire.ingest.replay.PartitionOwnership;

/**
 * Which instance polls which feed: the ingest instances that have feeds share the feed-state topic's partitions
 * through a consumer group, and each polls the sources whose state lives in the partitions it is assigned, so every
 * source has one poller (and one writer of its state) however many instances run. When an instance leaves, its
 * sources move to another. Every instance must list the same sources.
 */
@Configuration(proxyBeanMethods = false)
class FeedOwnership {

	static final String POLLERS_GROUP = "ingest-feed-pollers";

	@Bean
	KafkaMessageListenerContainer<String, byte[]> feedPollerOwnership(KafkaAdmin admin, FeedSchedule schedule,
			FeedSettings settings) {
		KafkaMessageListenerContainer<String, byte[]> container = PartitionOwnership.container(admin, POLLERS_GROUP,
				FeedStateTopic.NAME, new PartitionOwnership.Owner() {

					@Override
					public void own(Collection<TopicPartition> partitions, int partitionCount) {
						schedule.own(partitions, partitionCount);
					}

					@Override
					public void disown(Collection<TopicPartition> partitions) {
						schedule.disown(partitions);
					}
				});
		// An instance without feeds takes no part, so it never holds a partition whose sources it does not know.
		container.setAutoStartup(!settings.sources().isEmpty());
		return container;
	}

	/** The partition a source's state records go to: the Kafka producer's own choice for that key. */
	static int partitionOf(String source, int partitions) {
		return Utils.toPositive(Utils.murmur2(source.getBytes(StandardCharsets.UTF_8))) % partitions;
	}
}

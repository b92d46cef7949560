package news.flashwire.ingest.embargo;

import java.util.Collection;

import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;

import news.flashwire.common.event.Topics;
import news.flashwire.ingest.replay.PartitionOwnership;

/**
 * Who releases what: the ingest instances share the held topic's partitions through a consumer group, and each
 * releases only the stories of the partitions it is assigned (every instance still reads all of them, to answer and
 * to cancel). When an instance leaves, its partitions and their due stories move to another.
 */
@Configuration(proxyBeanMethods = false)
class EmbargoConfiguration {

	static final String RELEASE_GROUP = "ingest-embargo-release";

	@Bean
	KafkaMessageListenerContainer<String, byte[]> embargoReleaseOwnership(KafkaAdmin admin, EmbargoRelease release) {
		return PartitionOwnership.container(admin, RELEASE_GROUP, Topics.HELD, new PartitionOwnership.Owner() {

			@Override
			public void own(Collection<TopicPartition> partitions, int partitionCount) {
				release.own(partitions);
			}

			@Override
			public void disown(Collection<TopicPartition> partitions) {
				release.disown(partitions);
			}
		});
	}
}

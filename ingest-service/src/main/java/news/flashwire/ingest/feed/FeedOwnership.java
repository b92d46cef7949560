package news.flashwire.ingest.feed;

import java.nio.charset.StandardCharsets;
import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.utils.Utils;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

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
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				admin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
				ConsumerConfig.GROUP_ID_CONFIG, POLLERS_GROUP, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		ContainerProperties properties = new ContainerProperties(FeedStateTopic.NAME);
		properties.setPollTimeout(500);
		// The records themselves are read by FeedStateReplay; membership is what counts here.
		properties.setMessageListener((MessageListener<String, byte[]>) record -> {
		});
		properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				schedule.own(partitions, consumer.partitionsFor(FeedStateTopic.NAME).size());
			}

			@Override
			public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				schedule.disown(partitions);
			}

			@Override
			public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				schedule.disown(partitions);
			}
		});
		KafkaMessageListenerContainer<String, byte[]> container = new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
				properties);
		// An instance without feeds takes no part, so it never holds a partition whose sources it does not know.
		container.setAutoStartup(!settings.sources().isEmpty());
		return container;
	}

	/** The partition a source's state records go to: the Kafka producer's own choice for that key. */
	static int partitionOf(String source, int partitions) {
		return Utils.toPositive(Utils.murmur2(source.getBytes(StandardCharsets.UTF_8))) % partitions;
	}
}

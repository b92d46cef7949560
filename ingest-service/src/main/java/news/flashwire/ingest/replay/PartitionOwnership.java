package news.flashwire.ingest.replay;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

/**
 * Shares a state topic's partitions among the ingest instances through a consumer group, so that one instance acts
 * for each partition (releases its embargoes, polls its feeds); when an instance leaves, its partitions move to
 * another. Only membership counts: the records themselves are read by the topic's {@link TopicReplay}.
 */
public final class PartitionOwnership {

	/** What an instance does with the partitions it is given and loses. */
	public interface Owner {

		/** {@code partitionCount}: how many partitions the topic has in all. */
		void own(Collection<TopicPartition> partitions, int partitionCount);

		void disown(Collection<TopicPartition> partitions);
	}

	private PartitionOwnership() {
	}

	public static KafkaMessageListenerContainer<String, byte[]> container(KafkaAdmin admin, String group, String topic,
			Owner owner) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				admin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
				ConsumerConfig.GROUP_ID_CONFIG, group, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		ContainerProperties properties = new ContainerProperties(topic);
		properties.setPollTimeout(500);
		properties.setMessageListener((MessageListener<String, byte[]>) record -> {
		});
		properties.setConsumerRebalanceListener(new ConsumerAwareRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				owner.own(partitions, consumer.partitionsFor(topic).size());
			}

			@Override
			public void onPartitionsRevokedBeforeCommit(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				owner.disown(partitions);
			}

			@Override
			public void onPartitionsLost(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
				owner.disown(partitions);
			}
		});
		return new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()),
				properties);
	}
}

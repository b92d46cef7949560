package news.flashwire.ingest.embargo;

import java.util.Collection;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRebalanceListener;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;

import news.flashwire.common.event.Topics;

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
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG,
				admin.getConfigurationProperties().get(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG),
				ConsumerConfig.GROUP_ID_CONFIG, RELEASE_GROUP, ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "latest");
		ContainerProperties properties = new ContainerProperties(Topics.HELD);
		properties.setPollTimeout(500);
		// The records themselves are read by HeldReplay; membership is what counts here.
		properties.setMessageListener((MessageListener<String, byte[]>) record -> {
		});
		properties.setConsumerRebalanceListener(new ConsumerRebalanceListener() {

			@Override
			public void onPartitionsAssigned(Collection<TopicPartition> partitions) {
				release.own(partitions);
			}

			@Override
			public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
				release.disown(partitions);
			}
		});
		return new KafkaMessageListenerContainer<>(
				new DefaultKafkaConsumerFactory<>(config, new StringDeserializer(), new ByteArrayDeserializer()), properties);
	}
}

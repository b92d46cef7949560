package news.flashwire.ingest.embargo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

/** What readers of a topic see, committed records only, as ticker and push read it; keys seen so far. */
final class TopicReader implements AutoCloseable {

	private final KafkaConsumer<String, String> consumer;

	private final List<ConsumerRecord<String, String>> seen = new ArrayList<>();

	TopicReader(String bootstrapServers, String... topics) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer());
		consumer.subscribe(List.of(topics));
	}

	/** Records with this key read so far, after one more short poll. */
	List<ConsumerRecord<String, String>> withKey(String key) {
		consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
		return seen.stream().filter(record -> key.equals(record.key())).toList();
	}

	@Override
	public void close() {
		consumer.close();
	}
}

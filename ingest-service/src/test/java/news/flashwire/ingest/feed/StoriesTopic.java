package news.flashwire.ingest.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryEventDeserializer;

/** The stories topic as ticker and push read it (committed records only): the events of one provider so far. */
final class StoriesTopic implements AutoCloseable {

	private final KafkaConsumer<String, StoryEvent> consumer;

	private final List<StoryEvent> seen = new ArrayList<>();

	StoriesTopic(String bootstrapServers) {
		Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
				ConsumerConfig.GROUP_ID_CONFIG, "test-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG,
				"earliest", ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed");
		consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StoryEventDeserializer());
		consumer.subscribe(List.of(Topics.STORIES));
	}

	/** Events of stories from {@code provider} read so far, after one more short poll. */
	synchronized List<StoryEvent> of(String provider) {
		consumer.poll(Duration.ofMillis(200)).forEach(record -> seen.add(record.value()));
		return seen.stream().filter(event -> event.storyId().value().startsWith(provider + ":")).toList();
	}

	/** Headlines of the stories {@code provider} published. */
	List<String> headlinesOf(String provider) {
		return of(provider).stream()
			.filter(StoryEvent.Published.class::isInstance)
			.map(event -> ((StoryEvent.Published) event).story().headline())
			.toList();
	}

	@Override
	public synchronized void close() {
		consumer.close();
	}
}

package news.flashwire.ticker.headline;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.kafka.core.KafkaTemplate;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;

/** A record nobody can read lands in the dead letters, byte for byte, and the stories after it still reach the ticker. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "flashwire.ticker.editions=ar-poison")
class PoisonRecordIntegrationTests {

	// This class's own edition, so that no other test's stories land in its ticker (and none of its in theirs).
	private static final Edition EDITION = Edition.of("ar-poison");

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	Tickers tickers;

	@Test
	void deadLettersAnUnreadableStoryAndKeepsListingTheNextOnes() throws Exception {
		String key = "poison-" + UUID.randomUUID();
		byte[] garbage = "{\"type\":\"story.teleported\", <not json".getBytes(StandardCharsets.UTF_8);
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(new ProducerRecord<>(Topics.STORIES, key, garbage)).get();
		}
		StoryId next = freshId();
		StoryEvent story = published(next, arabic(EDITION, "خبر بعد سجل تالف", Instant.now()));
		kafka.send(Topics.STORIES, story.storyId().value(), story).join();

		await().atMost(Duration.ofSeconds(20))
			.until(() -> tickers.channel(EDITION.code())
				.orElseThrow()
				.snapshot()
				.headlines()
				.stream()
				.anyMatch(line -> line.storyId().equals(next.value())));
		assertThat(deadLettersWithKey(key)).containsExactly(new String(garbage, StandardCharsets.UTF_8));
	}

	private List<String> deadLettersWithKey(String key) {
		List<String> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"dlt-check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.deadLetters(Topics.STORIES)));
			await().atMost(Duration.ofSeconds(20)).until(() -> {
				for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
					if (key.equals(record.key())) {
						found.add(new String(record.value(), StandardCharsets.UTF_8));
					}
				}
				return !found.isEmpty();
			});
		}
		return found;
	}
}

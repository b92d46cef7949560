package news.flashwire.ticker.headline;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
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
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.kafka.core.KafkaTemplate;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.JsonEventSerializer;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;

/**
 * The projector from the stories topic to the ticker topic: a record nobody can read lands in the dead letters, byte
 * for byte, and the stories around it still reach the ticker; each story's trace goes on with its ticker change.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "flashwire.ticker.editions=ar-project")
class TickerProjectorIntegrationTests {

	// This class's own edition, so that no other test's stories land in its ticker (and none of its in theirs).
	private static final Edition EDITION = Edition.of("ar-project");

	@Value("${spring.kafka.bootstrap-servers}")
	String bootstrapServers;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@LocalServerPort
	int port;

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

	/**
	 * A burst lands in one poll of the projector, which writes its changes together: an unreadable record in the middle
	 * of one partition's burst is dead-lettered, and every story before and after it is listed in its latest version.
	 */
	@Test
	void listsEveryStoryOfABurstAroundAnUnreadableOne() throws Exception {
		String key = "poison-burst-" + UUID.randomUUID();
		Instant now = Instant.now();
		List<StoryId> ids = new ArrayList<>();
		JsonEventSerializer<StoryEvent> json = new JsonEventSerializer<>();
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ProducerConfig.LINGER_MS_CONFIG, 50),
				new StringSerializer(), new ByteArraySerializer())) {
			for (int i = 0; i < 16; i++) {
				StoryId id = freshId();
				ids.add(id);
				Story story = arabic(EDITION, "خبر رقم " + i, now.plusMillis(i));
				producer.send(new ProducerRecord<>(Topics.STORIES, 0, id.value(),
						json.serialize(Topics.STORIES, published(id, story))));
				if (i == 7) {
					producer.send(new ProducerRecord<>(Topics.STORIES, 0, key,
							"{\"type\":\"story.teleported\"".getBytes(StandardCharsets.UTF_8)));
				}
			}
			StoryId revised = ids.get(3);
			StoryEvent update = new StoryEvent.Updated(EventMeta.now(), revised, 2,
					arabic(EDITION, "خبر رقم 3 محدث", now.plusMillis(3)));
			producer.send(new ProducerRecord<>(Topics.STORIES, 0, revised.value(), json.serialize(Topics.STORIES, update)));
			producer.flush();
		}

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(tickers.channel(EDITION.code())
			.orElseThrow()
			.snapshot()
			.headlines()
			.stream()
			.filter(line -> ids.stream().anyMatch(id -> id.value().equals(line.storyId())))
			.map(line -> line.headline() + "@" + line.revision())).hasSize(16).contains("خبر رقم 3 محدث@2"));
		assertThat(deadLettersWithKey(key)).containsExactly("{\"type\":\"story.teleported\"");
	}

	@Test
	void writesEachTickerChangeInTheTraceOfItsStory() throws Exception {
		String traceId = UUID.randomUUID().toString().replace("-", "");
		StoryId id = freshId();
		byte[] story = new JsonEventSerializer<StoryEvent>().serialize(Topics.STORIES,
				published(id, arabic(EDITION, "خبر يتبع أثره", Instant.now())));
		ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.STORIES, id.value(), story);
		record.headers().add("traceparent", ("00-" + traceId + "-00f067aa0ba902b7-01").getBytes(StandardCharsets.UTF_8));
		try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(
				Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers), new StringSerializer(),
				new ByteArraySerializer())) {
			producer.send(record).get();
		}

		assertThat(traceparentOfTickerChange(id)).startsWith("00-" + traceId + "-");
	}

	@Test
	void timesTheProjectorInPrometheus() throws Exception {
		StoryId id = freshId();
		StoryEvent story = published(id, arabic(EDITION, "خبر يقاس زمنه", Instant.now()));
		kafka.send(Topics.STORIES, id.value(), story).join();

		await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(prometheus())
			.containsPattern("spring_kafka_listener_seconds_count\\{[^}]*spring_kafka_listener_id=\"ticker-projector\"[^}]*} [1-9]"));
	}

	private String prometheus() throws Exception {
		URI scrape = URI.create("http://127.0.0.1:" + port + "/actuator/prometheus");
		return HttpClient.newHttpClient()
			.send(HttpRequest.newBuilder(scrape).build(), HttpResponse.BodyHandlers.ofString())
			.body();
	}

	private String traceparentOfTickerChange(StoryId id) {
		List<String> found = new ArrayList<>();
		try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(
				Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers, ConsumerConfig.GROUP_ID_CONFIG,
						"trace-check-" + UUID.randomUUID(), ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
				new StringDeserializer(), new ByteArrayDeserializer())) {
			consumer.subscribe(List.of(Topics.TICKER));
			await().atMost(Duration.ofSeconds(30)).until(() -> {
				for (ConsumerRecord<String, byte[]> change : consumer.poll(Duration.ofMillis(200))) {
					Header traceparent = change.headers().lastHeader("traceparent");
					if (new String(change.value(), StandardCharsets.UTF_8).contains(id.value()) && traceparent != null) {
						found.add(new String(traceparent.value(), StandardCharsets.UTF_8));
					}
				}
				return !found.isEmpty();
			});
		}
		return found.get(0);
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

package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.ConsumerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.event.Topics;
import news.flashwire.push.TestEditions;
import news.flashwire.push.system.RawConsumers;

/**
 * A deleted subscription stays deleted: a change read before the deletion and written after it (a webhook disabled
 * after a dead letter while its owner deletes it) never brings it back, against the broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "flashwire.push.webhook.allowed-networks=127.0.0.1/32")
@AutoConfigureWebTestClient
class DeletionIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Autowired
	SubscriptionStore store;

	@Autowired
	SubscriptionReader reader;

	@Autowired
	PartitionScans scans;

	@Autowired
	ConsumerFactory<?, ?> consumers;

	@Test
	@SuppressWarnings("unchecked")
	void aChangeWrittenAfterTheDeletionNeverBringsTheSubscriptionBack() throws Exception {
		Map<String, Object> created = client.post().uri("/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "http://127.0.0.1:9/hook", "editions", List.of(TestEditions.arabic())))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
		String id = (String) created.get("id");
		String owner = "Bearer " + created.get("token");
		await().atMost(Duration.ofSeconds(30)).until(() -> store.find(id).isPresent());
		Subscription readBeforeTheDeletion = store.find(id).orElseThrow();

		client.delete().uri("/v1/subscriptions/{id}", id).header("Authorization", owner).exchange()
			.expectStatus().isNoContent();
		kafka.send(Topics.SUBSCRIPTIONS, id, readBeforeTheDeletion.with(readBeforeTheDeletion.filters(), Instant.now()))
			.join();

		client.get().uri("/v1/subscriptions/{id}", id).header("Authorization", owner).exchange()
			.expectStatus().isNotFound().expectBody().returnResult();
		assertThat(store.find(id)).isEmpty();
		TopicPartition partition = reader.partitionOf(id);
		assertThat(scans.find(partition, id)).as("read from the topic").isEmpty();
		await().atMost(Duration.ofSeconds(30))
			.untilAsserted(() -> assertThat(values(partition, id)).as("the subscription's records, oldest first")
				.hasSizeGreaterThanOrEqualTo(4)
				.last()
				.isNull());
	}

	/** Every value written for the id, in order (null for a tombstone). */
	private List<byte[]> values(TopicPartition partition, String id) {
		List<byte[]> values = new ArrayList<>();
		try (Consumer<?, ?> consumer = RawConsumers.create(consumers, "deletion-test")) {
			consumer.assign(List.of(partition));
			consumer.seekToBeginning(List.of(partition));
			long end = consumer.endOffsets(List.of(partition)).get(partition);
			while (consumer.position(partition) < end) {
				for (ConsumerRecord<?, ?> record : consumer.poll(Duration.ofMillis(200))) {
					if (id.equals(record.key())) {
						values.add((byte[]) record.value());
					}
				}
			}
		}
		return values;
	}
}

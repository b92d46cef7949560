package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.web.reactive.server.WebTestClient;

import io.micrometer.core.instrument.MeterRegistry;
import news.flashwire.common.event.Topics;

/**
 * Lookups on partitions this instance does not own read the compacted topic, against the broker: each gets the
 * latest state of its subscription, and a burst of them shares a few reads of each partition.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "flashwire.push.webhook.allowed-networks=127.0.0.1/32")
@AutoConfigureWebTestClient
class PartitionScansIntegrationTests {

	@Autowired
	WebTestClient client;

	@Autowired
	PartitionScans scans;

	@Autowired
	SubscriptionReader reader;

	@Autowired
	MeterRegistry meters;

	@Autowired
	KafkaTemplate<String, Object> kafka;

	@Test
	void aBurstOfLookupsGetsEachSubscriptionsLatestStateFromAFewReadsOfEachPartition() throws Exception {
		List<Map<String, Object>> created = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			created.add(create());
		}
		Map<String, Object> changed = created.get(0);
		client.patch().uri("/v1/subscriptions/{id}", changed.get("id"))
			.header("Authorization", "Bearer " + changed.get("token")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("editions", List.of("en"))).exchange().expectStatus().isOk();
		Map<String, Object> deleted = created.get(1);
		client.delete().uri("/v1/subscriptions/{id}", deleted.get("id"))
			.header("Authorization", "Bearer " + deleted.get("token")).exchange().expectStatus().isNoContent();
		List<String> ids = new ArrayList<>(created.stream().map(subscription -> (String) subscription.get("id")).toList());
		ids.add("sub_" + UUID.randomUUID());
		double readsBefore = reads();

		List<Optional<Subscription>> found = lookUpAtOnce(ids);

		assertThat(found.get(0)).hasValueSatisfying(subscription -> {
			assertThat(subscription.id()).isEqualTo(ids.get(0));
			assertThat(subscription.filters().editions()).containsExactly("en");
		});
		assertThat(found.get(1)).as("deleted").isEmpty();
		for (int i = 2; i < created.size(); i++) {
			String id = ids.get(i);
			assertThat(found.get(i)).hasValueSatisfying(subscription -> assertThat(subscription.id()).isEqualTo(id));
		}
		assertThat(found.get(ids.size() - 1)).as("never created").isEmpty();
		// One read per partition, another for the lookups that came during it, a third at worst on a slow machine.
		int partitions = kafka.partitionsFor(Topics.SUBSCRIPTIONS).size();
		assertThat(reads() - readsBefore).as("reads of a partition for %d lookups", ids.size())
			.isBetween(1.0, 3.0 * partitions);
	}

	@Test
	void aSubscriptionWrittenAgainAfterItsDeletionStaysDeleted() throws Exception {
		// A topic of its own, where no owner writes the deletion again: only the read decides.
		String topic = "scan-deletions-" + UUID.randomUUID();
		Map<String, Object> created = create();
		String id = (String) created.get("id");
		String kept = (String) create().get("id");
		Subscription subscription = scans.find(partitionOf(id), id).orElseThrow();
		Subscription other = scans.find(partitionOf(kept), kept).orElseThrow();
		kafka.send(topic, 0, id, subscription).join();
		kafka.send(topic, 0, kept, other).join();
		kafka.send(topic, 0, id, null).join();
		kafka.send(topic, 0, id, subscription).join();

		assertThat(scans.find(new TopicPartition(topic, 0), id)).as("written again after its deletion").isEmpty();
		assertThat(scans.find(new TopicPartition(topic, 0), kept)).hasValueSatisfying(
				found -> assertThat(found.id()).isEqualTo(kept));
	}

	private List<Optional<Subscription>> lookUpAtOnce(List<String> ids) throws Exception {
		ExecutorService threads = Executors.newFixedThreadPool(ids.size());
		try {
			CountDownLatch start = new CountDownLatch(1);
			List<Future<Optional<Subscription>>> lookups = new ArrayList<>();
			for (String id : ids) {
				Callable<Optional<Subscription>> lookup = () -> {
					start.await();
					return scans.find(partitionOf(id), id);
				};
				lookups.add(threads.submit(lookup));
			}
			start.countDown();
			List<Optional<Subscription>> found = new ArrayList<>();
			for (Future<Optional<Subscription>> lookup : lookups) {
				found.add(lookup.get(Duration.ofSeconds(60).toSeconds(), java.util.concurrent.TimeUnit.SECONDS));
			}
			return found;
		}
		finally {
			threads.shutdownNow();
		}
	}

	private double reads() {
		return meters.get("flashwire.push.subscriptions.partition.reads").counter().count();
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> create() {
		return client.post().uri("/v1/subscriptions").contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("url", "http://127.0.0.1:9/hook", "editions", List.of("ar")))
			.exchange().expectStatus().isCreated().expectBody(Map.class).returnResult().getResponseBody();
	}

	private TopicPartition partitionOf(String id) {
		return reader.partitionOf(id);
	}
}

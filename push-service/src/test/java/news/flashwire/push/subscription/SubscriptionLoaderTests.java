package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.delivery.webhook.WebhookTarget;

class SubscriptionLoaderTests {

	private final SubscriptionStore store = new SubscriptionStore();

	private final AppliedOffsets applied = new AppliedOffsets();

	private final List<Object> events = new ArrayList<>();

	private final SubscriptionLoader loader = new SubscriptionLoader(store, new DefaultKafkaConsumerFactory<>(Map.of()),
			events::add, applied);

	@Test
	void skipsAnUnreadableRecordAndCountsThePartitionAppliedPastIt() throws Exception {
		store.assign(List.of(2));
		applied.start(2, 7);

		loader.on(new ConsumerRecord<>(Topics.SUBSCRIPTIONS, 2, 7, "sub_broken",
				"{\"id\": \"sub_broken\", \"filters\": 42".getBytes(StandardCharsets.UTF_8)));
		loader.on(new ConsumerRecord<>(Topics.SUBSCRIPTIONS, 2, 8, "sub_gone", null));

		assertThat(applied.awaitApplied(2, 9, Duration.ZERO)).as("applied up to the end").isPositive();
		assertThat(store.find("sub_broken")).isEmpty();
		assertThat(store.find("sub_gone")).isEmpty();
	}

	@Test
	void keepsADeletionThatAChangeWrittenAfterItOverwrote() {
		store.assign(List.of(2));
		applied.start(2, 0);

		loader.on(record(0, "sub_raced", webhook("sub_raced")));
		loader.on(record(1, "sub_raced", null));
		loader.on(record(2, "sub_raced", webhook("sub_raced")));

		assertThat(store.find("sub_raced")).isEmpty();
		assertThat(events).containsExactly(new DeletionOverwritten("sub_raced"));
	}

	@Test
	void readsAPartitionAgainAfterARebalanceWithoutTakingItsOlderWritesForRaces() {
		store.assign(List.of(2));
		applied.start(2, 0);
		loader.on(record(0, "sub_deleted", webhook("sub_deleted")));
		loader.on(record(1, "sub_deleted", null));

		// Revoked and assigned again: the partition is read from its start, older writes before their deletions.
		loader.onPartitionsRevoked(List.of(new TopicPartition(Topics.SUBSCRIPTIONS, 2)));
		store.assign(List.of(2));
		applied.start(2, 0);
		loader.on(record(0, "sub_deleted", webhook("sub_deleted")));
		loader.on(record(1, "sub_deleted", null));

		assertThat(store.find("sub_deleted")).isEmpty();
		assertThat(events).isEmpty();
	}

	private static ConsumerRecord<String, byte[]> record(long offset, String id, byte @Nullable [] value) {
		return new ConsumerRecord<>(Topics.SUBSCRIPTIONS, 2, offset, id, value);
	}

	private static byte[] webhook(String id) {
		Subscription subscription = new Subscription(id, new WebhookTarget(URI.create("https://partner.example/hook"),
				"sealed"), null, "token-hash", new Filters(Set.of("ar"), Set.of(), Set.of(), Urgency.URGENT, null),
				Instant.parse("2026-11-30T05:00:00Z"), null);
		return new SubscriptionSerializer().serialize(Topics.SUBSCRIPTIONS, subscription);
	}
}

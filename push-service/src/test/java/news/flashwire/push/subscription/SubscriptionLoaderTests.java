package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;

import news.flashwire.common.event.Topics;

class SubscriptionLoaderTests {

	private final SubscriptionStore store = new SubscriptionStore();

	private final AppliedOffsets applied = new AppliedOffsets();

	private final SubscriptionLoader loader = new SubscriptionLoader(store, new DefaultKafkaConsumerFactory<>(Map.of()),
			event -> {
			}, applied);

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
}

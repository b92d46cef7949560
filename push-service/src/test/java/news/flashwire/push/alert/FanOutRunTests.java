package news.flashwire.push.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BiConsumer;

import org.junit.jupiter.api.Test;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.delivery.Completion;
import news.flashwire.push.delivery.Delivery;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.webhook.WebhookTarget;

/** One fan-out's first attempts: host by host, within each host's lanes, every delivery once, failures at the end. */
class FanOutRunTests {

	private final Alert alert = breaking();

	private final List<Pending> pending = new CopyOnWriteArrayList<>();

	private final Map<String, AtomicInteger> inFlightByHost = new ConcurrentHashMap<>();

	private final Map<String, Integer> mostInFlightByHost = new ConcurrentHashMap<>();

	private final List<String> started = new CopyOnWriteArrayList<>();

	@Test
	void deliversEachSubscriberOnceWithinTheLanesOfItsHostAndTheHostsAtOnce() {
		List<List<Delivery>> hosts = List.of(deliveries("a.example", 7), deliveries("b.example", 5),
				deliveries("c.example", 3));

		CompletableFuture<Void> done = FanOutRun.start(hosts, this::heldUntilAnswered, 2, 3);

		assertThat(inFlightByHost).containsOnlyKeys("a.example", "b.example");
		while (!pending.isEmpty()) {
			pending.remove(0).answer(null);
		}

		assertThat(done).isCompleted();
		assertThat(done).isNotCompletedExceptionally();
		assertThat(started).hasSize(15).doesNotHaveDuplicates();
		assertThat(mostInFlightByHost).containsEntry("a.example", 3).containsEntry("b.example", 3)
			.containsEntry("c.example", 3);
	}

	@Test
	void aLongLineOfDeliveriesThatEndAtOnceNeitherNestsNorStops() {
		AtomicInteger made = new AtomicInteger();

		CompletableFuture<Void> done = FanOutRun.start(List.of(deliveries("refused.example", 200_000)),
				(delivery, completion) -> {
					made.incrementAndGet();
					completion.completed(null);
				}, 1024, 32);

		assertThat(done).isCompleted();
		assertThat(made).hasValue(200_000);
	}

	@Test
	void aDeliveryNotHandedToKafkaFailsTheFanOutOnlyOnceEveryOtherHasEnded() {
		List<List<Delivery>> hosts = List.of(deliveries("a.example", 4), deliveries("b.example", 4));

		CompletableFuture<Void> done = FanOutRun.start(hosts, this::heldUntilAnswered, 1024, 2);
		pending.remove(0).answer(new DeliveryFailure("broker unavailable"));
		assertThat(done).isNotDone();
		while (!pending.isEmpty()) {
			pending.remove(0).answer(null);
		}

		assertThat(started).hasSize(8);
		assertThat(done).isCompletedExceptionally();
		assertThat(done.handle((ok, failure) -> failure.getMessage()).join()).isEqualTo("broker unavailable");
	}

	@Test
	void aFanOutWithoutSubscribersIsDoneAtOnce() {
		assertThat(FanOutRun.start(List.of(), this::heldUntilAnswered, 1024, 32)).isCompleted();
	}

	private void heldUntilAnswered(Delivery delivery, Completion completion) {
		String host = delivery.host();
		started.add(delivery.subscriptionId());
		int inFlight = inFlightByHost.computeIfAbsent(host, key -> new AtomicInteger()).incrementAndGet();
		mostInFlightByHost.merge(host, inFlight, Math::max);
		pending.add(new Pending(host, completion));
	}

	private final class Pending {

		private final String host;

		private final Completion completion;

		Pending(String host, Completion completion) {
			this.host = host;
			this.completion = completion;
		}

		void answer(Throwable failure) {
			inFlightByHost.get(host).decrementAndGet();
			completion.completed(failure);
		}
	}

	private List<Delivery> deliveries(String host, int count) {
		List<Delivery> deliveries = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			deliveries.add(new Delivery(alert.deliveryId(), host + "-subscriber-" + i, alert,
					new WebhookTarget(URI.create("https://" + host + "/hooks/" + i), "sealed"), null,
					Instant.now().plusSeconds(3600)));
		}
		return deliveries;
	}

	private static Alert breaking() {
		Story story = new Story("Breaking: floods in the north", Edition.of("en"), Urgency.BREAKING,
				URI.create("https://example.com/en/floods"), "local", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("fanout", UUID.randomUUID().toString()), 1, Alert.Kind.NEW, story,
				null);
	}
}

package news.flashwire.push.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import reactor.core.Disposable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Calls to a busy host wait for a slot in line instead of failing, and every slot comes back. */
class HostSlotsTests {

	private final HostSlots slots = new HostSlots(
			new DeliverySettings(Duration.ofHours(4), 2, 6, Duration.ofSeconds(5), 6, Duration.ofHours(2), 256, Duration.ofHours(24)));

	private final List<Sinks.One<String>> answers = new CopyOnWriteArrayList<>();

	private final AtomicInteger started = new AtomicInteger();

	@Test
	void aCallBeyondTheHostsSlotsWaitsForOneInsteadOfFailing() {
		List<String> results = new CopyOnWriteArrayList<>();
		List<Throwable> errors = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 5; i++) {
			slots.withSlot("partner.example", this::pendingCall).subscribe(results::add, errors::add);
		}
		assertThat(started).hasValue(2);
		assertThat(slots.busy("partner.example")).isEqualTo(5);

		answers.get(0).tryEmitValue("first");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(started).hasValue(3));
		answers.get(1).tryEmitError(new DeliveryFailure("host answered 503"));
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(started).hasValue(4));
		answers.get(2).tryEmitValue("third");
		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(started).hasValue(5));
		answers.get(3).tryEmitValue("fourth");
		answers.get(4).tryEmitValue("fifth");

		await().atMost(Duration.ofSeconds(5))
			.untilAsserted(() -> assertThat(results).containsExactly("first", "third", "fourth", "fifth"));
		assertThat(errors).singleElement().isInstanceOf(DeliveryFailure.class);
		assertThat(slots.busy("partner.example")).isZero();
	}

	@Test
	void aCallbackBeyondTheHostsSlotsStartsWhenOneIsReleased() {
		List<Runnable> releases = new CopyOnWriteArrayList<>();
		for (int i = 0; i < 4; i++) {
			slots.withSlot("partner.example", release -> {
				started.incrementAndGet();
				releases.add(release);
			});
		}
		assertThat(started).hasValue(2);
		assertThat(slots.busy("partner.example")).isEqualTo(4);

		releases.get(0).run();
		releases.get(0).run();
		assertThat(started).as("a second release of one slot frees nothing more").hasValue(3);
		releases.get(1).run();
		assertThat(started).hasValue(4);
		releases.get(2).run();
		releases.get(3).run();

		assertThat(slots.busy("partner.example")).isZero();
	}

	@Test
	void otherHostsDoNotWaitForABusyOne() {
		slots.withSlot("hanging.example", this::pendingCall).subscribe();
		slots.withSlot("hanging.example", this::pendingCall).subscribe();
		slots.withSlot("hanging.example", this::pendingCall).subscribe();

		AtomicInteger answered = new AtomicInteger();
		slots.withSlot("healthy.example", () -> Mono.just("ok")).subscribe(ok -> answered.incrementAndGet());

		assertThat(answered).hasValue(1);
		assertThat(slots.busy("healthy.example")).isZero();
		assertThat(slots.busy("hanging.example")).isEqualTo(3);
	}

	@Test
	void aWaiterThatGivesUpTakesNoSlot() {
		slots.withSlot("partner.example", this::pendingCall).subscribe();
		slots.withSlot("partner.example", this::pendingCall).subscribe();
		Disposable givenUp = slots.withSlot("partner.example", this::pendingCall).subscribe();
		givenUp.dispose();

		answers.get(0).tryEmitValue("done");
		answers.get(1).tryEmitValue("done");

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(slots.busy("partner.example")).isZero());
		assertThat(started).hasValue(2);
	}

	@Test
	void aCancelledCallGivesItsSlotBack() {
		Disposable cancelled = slots.withSlot("partner.example", this::pendingCall).subscribe();
		slots.withSlot("partner.example", this::pendingCall).subscribe();
		slots.withSlot("partner.example", this::pendingCall).subscribe();

		cancelled.dispose();

		await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(started).hasValue(3));
		assertThat(slots.busy("partner.example")).isEqualTo(2);
	}

	private Mono<String> pendingCall() {
		Sinks.One<String> answer = Sinks.one();
		answers.add(answer);
		started.incrementAndGet();
		return answer.asMono();
	}
}

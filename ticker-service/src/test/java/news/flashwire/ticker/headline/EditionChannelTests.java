package news.flashwire.ticker.headline;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.listed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.flashwire.common.story.Edition;
import reactor.test.StepVerifier;

class EditionChannelTests {

	private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

	private final TickerSettings settings = new TickerSettings(List.of("ar"), 20, 3, 2, Duration.ofSeconds(15),
			Duration.ofSeconds(3), Duration.ofDays(3650), Duration.ofSeconds(10));

	private final EditionChannel channel = new EditionChannel(Edition.of("ar"), settings,
			new ReaderMetrics(new SimpleMeterRegistry()));

	@Test
	void startsANewReaderWithASnapshot() {
		channel.apply(listed(freshId(), 1, arabic("أحدث الأخبار", NOON)), 0);

		StepVerifier.create(channel.connect(null)).assertNext(event -> {
			assertThat(event.name()).isEqualTo("snapshot");
			assertThat(event.position()).isEqualTo(1);
			assertThat(((Snapshot) event.data()).headlines()).hasSize(1);
		}).thenCancel().verify(Duration.ofSeconds(5));
	}

	@Test
	void resumesAfterLastEventIdWithExactlyTheMissedChanges() {
		channel.apply(listed(freshId(), 1, arabic("الأول", NOON)), 0);
		channel.apply(listed(freshId(), 1, arabic("الثاني", NOON.plusSeconds(1))), 1);
		channel.apply(listed(freshId(), 1, arabic("الثالث", NOON.plusSeconds(2))), 2);

		StepVerifier.create(channel.connect(1L))
			.assertNext(event -> assertThat(event.position()).isEqualTo(2))
			.assertNext(event -> assertThat(event.position()).isEqualTo(3))
			.then(() -> channel.apply(listed(freshId(), 1, arabic("الرابع", NOON.plusSeconds(3))), 3))
			.assertNext(event -> {
				assertThat(event.name()).isEqualTo("added");
				assertThat(event.position()).isEqualTo(4);
			})
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void sendsAResetSnapshotWhenLastEventIdIsTooOld() {
		for (int i = 0; i < 5; i++) {
			channel.apply(listed(freshId(), 1, arabic("خبر " + i, NOON.plusSeconds(i))), i);
		}

		StepVerifier.create(channel.connect(1L)).assertNext(event -> {
			assertThat(event.name()).isEqualTo("snapshot");
			assertThat(((Snapshot) event.data()).reset()).isTrue();
		}).thenCancel().verify(Duration.ofSeconds(5));
	}

	@Test
	void sendsAResetSnapshotForAnIdFromTheFuture() {
		StepVerifier.create(channel.connect(999L))
			.assertNext(event -> assertThat(((Snapshot) event.data()).reset()).isTrue())
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void dropsAStalledReaderWithoutHoldingUpTheOthers() {
		var stalled = channel.connect(null);
		StepVerifier.create(stalled, 0).expectSubscription().then(() -> {
			for (int i = 0; i < 10; i++) {
				channel.apply(listed(freshId(), 1, arabic("خبر " + i, NOON.plusSeconds(i))), i);
			}
		})
			.thenRequest(Long.MAX_VALUE)
			.expectNextCount(3)
			.expectError(StalledReader.class)
			.verify(Duration.ofSeconds(5));

		StepVerifier.create(channel.connect(null))
			.assertNext(event -> assertThat(((Snapshot) event.data()).headlines()).hasSize(10))
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}
}

package news.flashwire.ticker.headline;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.listed;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.flashwire.common.story.Edition;

class EditionChannelTests {

	private static final Instant NOON = Instant.parse("2026-11-29T12:00:00Z");

	private final TickerSettings settings = new TickerSettings(List.of("ar"), 20, 3, 2, Duration.ofSeconds(15),
			Duration.ofSeconds(3), Duration.ofDays(3650), Duration.ofSeconds(10));

	private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

	private final EditionChannel channel = new EditionChannel(Edition.of("ar"), settings, new ReaderMetrics(registry),
			Fanout.IMMEDIATE);

	@Test
	void startsANewReaderWithASnapshot() {
		channel.apply(listed(freshId(), 1, arabic("أحدث الأخبار", NOON)), 0);

		List<TickerEvent> first = channel.connect(null, new Reader(10));

		assertThat(first).singleElement().satisfies(event -> {
			assertThat(event.name()).isEqualTo("snapshot");
			assertThat(event.position()).isEqualTo(1);
			assertThat(((Snapshot) event.data()).headlines()).hasSize(1);
		});
	}

	@Test
	void resumesAfterLastEventIdWithExactlyTheMissedChanges() {
		channel.apply(listed(freshId(), 1, arabic("الأول", NOON)), 0);
		channel.apply(listed(freshId(), 1, arabic("الثاني", NOON.plusSeconds(1))), 1);
		channel.apply(listed(freshId(), 1, arabic("الثالث", NOON.plusSeconds(2))), 2);
		Reader reader = new Reader(10);

		List<TickerEvent> missed = channel.connect(1L, reader);
		channel.apply(listed(freshId(), 1, arabic("الرابع", NOON.plusSeconds(3))), 3);

		assertThat(missed).extracting(TickerEvent::position).containsExactly(2L, 3L);
		assertThat(reader.taken).singleElement().satisfies(event -> {
			assertThat(event.name()).isEqualTo("added");
			assertThat(event.position()).isEqualTo(4);
		});
	}

	@Test
	void sendsAResetSnapshotWhenLastEventIdIsTooOld() {
		for (int i = 0; i < 5; i++) {
			channel.apply(listed(freshId(), 1, arabic("خبر " + i, NOON.plusSeconds(i))), i);
		}

		assertThat(channel.connect(1L, new Reader(10))).singleElement().satisfies(event -> {
			assertThat(event.name()).isEqualTo("snapshot");
			assertThat(((Snapshot) event.data()).reset()).isTrue();
		});
	}

	@Test
	void sendsAResetSnapshotForAnIdFromTheFuture() {
		assertThat(channel.connect(999L, new Reader(10)))
			.singleElement()
			.satisfies(event -> assertThat(((Snapshot) event.data()).reset()).isTrue());
	}

	@Test
	void dropsAStalledReaderWithoutHoldingUpTheOthers() {
		Reader stalled = new Reader(3);
		Reader reading = new Reader(100);
		channel.connect(null, stalled);
		channel.connect(null, reading);

		for (int i = 0; i < 10; i++) {
			channel.apply(listed(freshId(), 1, arabic("خبر " + i, NOON.plusSeconds(i))), i);
		}

		assertThat(stalled.taken).hasSize(3);
		assertThat(stalled.refused).isEqualTo(1);
		assertThat(reading.taken).hasSize(10);
		assertThat(registry.counter("flashwire.ticker.readers.dropped", "edition", "ar").count()).isEqualTo(1);
		assertThat(((Snapshot) channel.connect(null, new Reader(10)).get(0).data()).headlines()).hasSize(10);
	}

	@Test
	void givesEveryReaderTheSameEventOfAChangeSoItIsEncodedOnce() {
		Reader one = new Reader(10);
		Reader other = new Reader(10);
		assertThat(channel.connect(null, one)).isEqualTo(channel.connect(null, other));

		channel.apply(listed(freshId(), 1, arabic("خبر واحد", NOON)), 0);

		assertThat(one.taken.get(0)).isSameAs(other.taken.get(0));
		assertThat(channel.connect(0L, new Reader(10))).singleElement().isSameAs(one.taken.get(0));
	}

	/** Takes up to {@code capacity} events, then refuses like a reader whose queue is full. */
	private static final class Reader implements EditionReader {

		final List<TickerEvent> taken = new ArrayList<>();

		final int capacity;

		int refused;

		Reader(int capacity) {
			this.capacity = capacity;
		}

		@Override
		public boolean offer(TickerEvent event) {
			if (taken.size() == capacity) {
				refused++;
				return false;
			}
			taken.add(event);
			return true;
		}
	}
}

package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

import news.flashwire.ticker.headline.TickerEvent;
import reactor.test.StepVerifier;

class SseConnectionTests {

	private final SseConnection connection = new SseConnection(2);

	private final SinkOutlet outlet = new SinkOutlet();

	@Test
	void beatsOnlyWhenNothingWasSentSinceTheLastBeat() {
		TickerEvent added = new TickerEvent("ar", "added", 1, "{}");

		connection.heartbeat();
		connection.offer(added);
		connection.heartbeat();
		connection.end();
		connection.open(outlet);

		StepVerifier.create(outlet.items())
			.expectNext(SseConnection.HEARTBEAT, added)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void sendsWhatItStartsWithBeforeWhatCameMeanwhileNotBoundedByTheQueue() {
		TickerEvent snapshot = new TickerEvent("ar", "snapshot", 1, "{}");
		TickerEvent added = new TickerEvent("ar", "added", 2, "{}");
		connection.startWith(List.of("hint", snapshot, snapshot, snapshot));
		connection.offer(added);

		connection.open(outlet);

		StepVerifier.create(outlet.items())
			.expectNext("hint", snapshot, snapshot, snapshot, added)
			.thenCancel()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void endsAStalledReadersStreamAndRefusesWhatComesAfter() {
		for (int position = 1; position <= 2; position++) {
			assertThat(connection.offer(new TickerEvent("ar", "added", position, "{}"))).isTrue();
		}

		assertThat(connection.offer(new TickerEvent("ar", "added", 3, "{}"))).isFalse();
		assertThat(connection.offer(new TickerEvent("ar", "added", 4, "{}"))).isFalse();
		connection.open(outlet);

		StepVerifier.create(outlet.items())
			.expectNextCount(2)
			.expectError(StalledReader.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void refusesWhatComesWhileItsOutletIsFull() {
		SseConnection.Outlet full = new SseConnection.Outlet() {
			@Override
			public boolean isWritable() {
				return false;
			}

			@Override
			public void wake(SseConnection woken) {
			}
		};
		connection.open(full);

		assertThat(connection.offer(new TickerEvent("ar", "added", 1, "{}"))).isFalse();
		connection.open(outlet);

		StepVerifier.create(outlet.items()).expectError(StalledReader.class).verify(Duration.ofSeconds(5));
	}

	@Test
	void endsAfterWhatIsQueuedWhenTheInstanceStops() {
		TickerEvent added = new TickerEvent("ar", "added", 1, "{}");
		connection.open(outlet);
		connection.offer(added);

		connection.end();

		assertThat(connection.offer(new TickerEvent("ar", "added", 2, "{}"))).isFalse();
		StepVerifier.create(outlet.items()).expectNext(added).expectComplete().verify(Duration.ofSeconds(5));
	}
}

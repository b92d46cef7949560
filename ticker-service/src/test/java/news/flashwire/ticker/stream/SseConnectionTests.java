package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import news.flashwire.ticker.headline.TickerEvent;
import reactor.test.StepVerifier;

class SseConnectionTests {

	private final SseConnection connection = new SseConnection(2);

	@Test
	void beatsOnlyWhenNothingWasSentSinceTheLastBeat() {
		TickerEvent added = new TickerEvent("ar", "added", 1, "{}");

		connection.heartbeat();
		connection.offer(added);
		connection.heartbeat();
		connection.end();

		StepVerifier.create(connection.items())
			.expectNext(SseConnection.HEARTBEAT, added)
			.expectComplete()
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void endsAStalledReadersStreamAndRefusesWhatComesAfter() {
		for (int position = 1; position <= 2; position++) {
			assertThat(connection.offer(new TickerEvent("ar", "added", position, "{}"))).isTrue();
		}

		assertThat(connection.offer(new TickerEvent("ar", "added", 3, "{}"))).isFalse();
		assertThat(connection.offer(new TickerEvent("ar", "added", 4, "{}"))).isFalse();

		StepVerifier.create(connection.items())
			.expectNextCount(2)
			.expectError(StalledReader.class)
			.verify(Duration.ofSeconds(5));
	}

	@Test
	void endsAfterWhatIsQueuedWhenTheInstanceStops() {
		TickerEvent added = new TickerEvent("ar", "added", 1, "{}");
		connection.offer(added);

		connection.end();

		assertThat(connection.offer(new TickerEvent("ar", "added", 2, "{}"))).isFalse();
		StepVerifier.create(connection.items()).expectNext(added).expectComplete().verify(Duration.ofSeconds(5));
	}
}

package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConnectionLimitsTests {

	private final ConnectionLimits limits = new ConnectionLimits(new StreamSettings(3, 2, 8));

	@Test
	void refusesAClientPastItsOwnLimitWith429() {
		limits.acquire("192.0.2.1");
		limits.acquire("192.0.2.1");

		assertThatThrownBy(() -> limits.acquire("192.0.2.1")).isInstanceOfSatisfying(TooManyStreams.class,
				refused -> {
					assertThat(refused.getStatusCode().value()).isEqualTo(429);
					assertThat(refused.getHeaders().getFirst("Retry-After")).isNotBlank();
				});
		assertThat(limits.open()).isEqualTo(2);
	}

	@Test
	void refusesEveryoneWith503OnceTheInstanceIsFull() {
		limits.acquire("192.0.2.1");
		limits.acquire("192.0.2.2");
		limits.acquire("192.0.2.3");

		assertThatThrownBy(() -> limits.acquire("192.0.2.4"))
			.isInstanceOfSatisfying(TooManyStreams.class, refused -> assertThat(refused.getStatusCode().value()).isEqualTo(503));
	}

	@Test
	void givesTheSlotBackWhenAStreamEnds() {
		Runnable first = limits.acquire("192.0.2.1");
		limits.acquire("192.0.2.1");
		first.run();

		limits.acquire("192.0.2.1");
		assertThat(limits.open()).isEqualTo(2);
	}
}

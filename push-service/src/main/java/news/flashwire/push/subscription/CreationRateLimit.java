package news.flashwire.push.subscription;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/** A fixed one-minute window per client address: more than the allowed creations in it get a 429. */
@Component
class CreationRateLimit {

	private static final long WINDOW_MILLIS = 60_000;

	private final Map<String, Window> windows = new ConcurrentHashMap<>();

	private final int perMinute;

	private final Clock clock;

	@Autowired
	CreationRateLimit(SubscriptionSettings settings) {
		this(settings.creationsPerMinute(), Clock.systemUTC());
	}

	CreationRateLimit(int perMinute, Clock clock) {
		this.perMinute = perMinute;
		this.clock = clock;
	}

	/** Counts one creation by the address, or throws {@link TooManySubscriptions}. */
	void acquire(String address) {
		long now = clock.millis();
		long start = now - now % WINDOW_MILLIS;
		if (windows.size() > 100_000) {
			windows.values().removeIf(window -> window.start() < start);
		}
		Window window = windows.compute(address,
				(key, old) -> old == null || old.start() != start ? new Window(start, 1) : new Window(start, old.count() + 1));
		if (window.count() > perMinute) {
			throw new TooManySubscriptions(Duration.ofMillis(start + WINDOW_MILLIS - now));
		}
	}

	private record Window(long start, int count) {
	}
}

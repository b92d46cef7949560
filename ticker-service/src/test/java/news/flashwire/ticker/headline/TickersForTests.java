package news.flashwire.ticker.headline;

import io.micrometer.core.instrument.MeterRegistry;

/** Tickers as the application builds them, for tests of other packages that need no broker. */
public final class TickersForTests {

	private TickersForTests() {
	}

	public static Tickers of(TickerSettings settings, MeterRegistry registry) {
		return new Tickers(settings, new ReaderMetrics(registry), Fanout.IMMEDIATE);
	}
}

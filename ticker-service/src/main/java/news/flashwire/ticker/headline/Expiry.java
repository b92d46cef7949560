package news.flashwire.ticker.headline;

import java.time.Clock;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.ticker.TickerChange;

/**
 * Takes expired lines off the tickers by writing their removal to the ticker topic, never by changing a list in
 * place: that way the removal gets a position like any other change, and every instance (and every restart) shows
 * the same list at the same position. Instances sweeping at once write the removal twice, and the second changes
 * nothing.
 */
@Component
class Expiry {

	private static final Logger log = LoggerFactory.getLogger(Expiry.class);

	private final Tickers tickers;

	private final CatchUp catchUp;

	private final KafkaTemplate<String, Object> kafka;

	private final Clock clock;

	Expiry(Tickers tickers, CatchUp catchUp, KafkaTemplate<String, Object> kafka) {
		this.tickers = tickers;
		this.catchUp = catchUp;
		this.kafka = kafka;
		this.clock = Clock.systemUTC();
	}

	@Scheduled(fixedDelayString = "${flashwire.ticker.expiry-sweep:10s}")
	void sweep() throws Exception {
		if (!catchUp.isCaughtUp()) {
			return;
		}
		Instant now = clock.instant();
		for (EditionChannel channel : tickers.channels()) {
			for (Headline line : channel.expired(now)) {
				TickerChange removal = new TickerChange.Removed(EventMeta.now(),
						new StoryId(line.storyId()), line.revision(), channel.edition());
				kafka.send(Topics.TICKER, channel.edition().code(), removal);
				log.info("Ticker {} expires story {} revision {}", channel.edition(), line.storyId(), line.revision());
			}
		}
	}
}

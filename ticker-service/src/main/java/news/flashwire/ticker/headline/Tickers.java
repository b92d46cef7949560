package news.flashwire.ticker.headline;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.springframework.stereotype.Component;

import news.flashwire.common.story.Edition;
import news.flashwire.common.ticker.TickerChange;

/** Every configured edition's channel; changes for editions not served here are ignored. */
@Component
public class Tickers {

	private final Map<Edition, EditionChannel> channels = new LinkedHashMap<>();

	Tickers(TickerSettings settings, ReaderMetrics metrics, Fanout fanout) {
		for (String code : settings.editions()) {
			Edition edition = Edition.of(code);
			channels.put(edition, new EditionChannel(edition, settings, metrics, fanout));
		}
	}

	public Optional<EditionChannel> channel(String edition) {
		try {
			return Optional.ofNullable(channels.get(Edition.of(edition)));
		}
		catch (IllegalArgumentException ex) {
			return Optional.empty();
		}
	}

	public Collection<EditionChannel> channels() {
		return channels.values();
	}

	void apply(TickerChange change, long offset) {
		EditionChannel channel = channels.get(change.edition());
		if (channel != null) {
			channel.apply(change, offset);
		}
	}
}

package news.flashwire.ticker.headline;

import org.jspecify.annotations.Nullable;

/**
 * A change websites apply to their copy of a ticker. {@code position} is the ticker-topic offset after the change
 * (the same on every instance): sent as the SSE event id and given back as Last-Event-ID.
 */
public record TickerUpdate(String edition, Kind kind, long position, String storyId, @Nullable Headline headline, int index) {

	/** What happened to the line; the name is the SSE event name. */
	public enum Kind {

		ADDED("added"), UPDATED("updated"), REMOVED("removed");

		private final String eventName;

		Kind(String eventName) {
			this.eventName = eventName;
		}

		public String eventName() {
			return eventName;
		}
	}
}

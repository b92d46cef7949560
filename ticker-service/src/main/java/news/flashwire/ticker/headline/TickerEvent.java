package news.flashwire.ticker.headline;

/** One event of an edition's stream: a {@link Snapshot} or a {@link TickerUpdate}, with its position. */
public record TickerEvent(String edition, String name, long position, Object data) {

	static TickerEvent of(Snapshot snapshot) {
		return new TickerEvent(snapshot.edition(), "snapshot", snapshot.position(), snapshot);
	}

	static TickerEvent of(TickerUpdate update) {
		return new TickerEvent(update.edition(), update.kind().eventName(), update.position(), update);
	}
}

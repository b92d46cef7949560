package news.flashwire.ticker.headline;

import java.util.function.Function;

import org.jspecify.annotations.Nullable;

/**
 * One event of an edition's stream: a {@link Snapshot} or a {@link TickerUpdate}, with its position. The same instance
 * goes to every reader, so its wire form is made once ({@link #encoded}) and shared.
 */
public final class TickerEvent {

	private final String edition;

	private final String name;

	private final long position;

	private final Object data;

	private volatile @Nullable Object encoded;

	public TickerEvent(String edition, String name, long position, Object data) {
		this.edition = edition;
		this.name = name;
		this.position = position;
		this.data = data;
	}

	static TickerEvent of(Snapshot snapshot) {
		return new TickerEvent(snapshot.edition(), "snapshot", snapshot.position(), snapshot);
	}

	static TickerEvent of(TickerUpdate update) {
		return new TickerEvent(update.edition(), update.kind().eventName(), update.position(), update);
	}

	public String edition() {
		return edition;
	}

	public String name() {
		return name;
	}

	public long position() {
		return position;
	}

	public Object data() {
		return data;
	}

	/**
	 * This event as {@code encoder} writes it, encoded by the first reader that asks and kept for all the others.
	 * The application has one encoder; the answer is whatever it made the first time.
	 */
	@SuppressWarnings("unchecked")
	public <T> T encoded(Function<TickerEvent, T> encoder) {
		Object made = encoded;
		if (made == null) {
			synchronized (this) {
				made = encoded;
				if (made == null) {
					made = encoder.apply(this);
					encoded = made;
				}
			}
		}
		return (T) made;
	}

	@Override
	public String toString() {
		return "TickerEvent[" + edition + " " + name + " at " + position + "]";
	}
}

package news.flashwire.ticker.stream;

import org.jspecify.annotations.Nullable;

/** Reads a Last-Event-ID as a position; anything else counts as unknown, and the reader gets a fresh snapshot. */
final class LastEventId {

	private LastEventId() {
	}

	static @Nullable Long parse(@Nullable String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Long.parseLong(value.strip());
		}
		catch (NumberFormatException ex) {
			return -1L;
		}
	}
}

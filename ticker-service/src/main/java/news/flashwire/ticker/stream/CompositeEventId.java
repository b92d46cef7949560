package news.flashwire.ticker.stream;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.jspecify.annotations.Nullable;

/**
 * The event id of a stream of several editions: each edition's position, e.g. {@code ar:12,en:40}. Every event
 * carries the positions of all editions as of that event, so the id a browser sends back resumes each edition
 * exactly where it stopped. An edition missing from the id, or with a position that is not a number, starts with
 * a snapshot.
 */
final class CompositeEventId {

	private final Map<String, Long> positions = new LinkedHashMap<>();

	CompositeEventId(List<String> editions, @Nullable String lastEventId) {
		Map<String, String> given = parse(lastEventId);
		for (String edition : editions) {
			positions.put(edition, LastEventId.parse(given.get(edition)));
		}
	}

	@Nullable Long resumeFrom(String edition) {
		return positions.get(edition);
	}

	/** Records the position an event of {@code edition} brings and answers the id to send with it. */
	String advance(String edition, long position) {
		positions.put(edition, position);
		StringBuilder id = new StringBuilder();
		positions.forEach((code, at) -> {
			if (at != null && at >= 0) {
				id.append(id.length() == 0 ? "" : ",").append(code).append(':').append(at);
			}
		});
		return id.toString();
	}

	private static Map<String, String> parse(@Nullable String lastEventId) {
		Map<String, String> given = new LinkedHashMap<>();
		if (lastEventId != null) {
			for (String part : lastEventId.split(",")) {
				int colon = part.lastIndexOf(':');
				if (colon > 0) {
					given.put(part.substring(0, colon).strip(), part.substring(colon + 1));
				}
			}
		}
		return given;
	}
}

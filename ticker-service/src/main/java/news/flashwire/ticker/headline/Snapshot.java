package news.flashwire.ticker.headline;

import java.util.List;

/**
 * The whole ticker of an edition at one position. {@code reset} tells a resuming reader that its Last-Event-ID
 * could not be resumed (too old or unknown) and this snapshot replaces what it had.
 */
public record Snapshot(String edition, String direction, long position, int limit, List<Headline> headlines,
		boolean reset) {
}

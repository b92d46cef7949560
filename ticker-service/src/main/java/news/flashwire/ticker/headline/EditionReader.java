package news.flashwire.ticker.headline;

/** A reader connected to an edition's channel (a stream may read several editions). */
public interface EditionReader {

	/**
	 * Takes one live event, without waiting. Answers false when the reader cannot take it because it has fallen
	 * behind: the channel then forgets the reader, which ends its own stream so its client resumes by id.
	 */
	boolean offer(TickerEvent event);
}

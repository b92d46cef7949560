package news.flashwire.ticker.stream;

/** A reader stopped reading and its queue filled up: its stream ends, and it resumes by Last-Event-ID. */
class StalledReader extends RuntimeException {

	StalledReader() {
		super("a ticker reader fell behind and was dropped", null, false, false);
	}
}

package news.flashwire.ticker.headline;

import news.flashwire.common.story.Edition;

/** A reader stopped reading and its queue filled up: its stream ends, and it resumes by Last-Event-ID. */
class StalledReader extends RuntimeException {

	StalledReader(Edition edition) {
		super("reader of edition " + edition + " fell behind and was dropped", null, false, false);
	}
}

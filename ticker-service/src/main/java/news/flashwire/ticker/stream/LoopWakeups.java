package news.flashwire.ticker.stream;

import org.springframework.stereotype.Component;

import news.flashwire.ticker.headline.Fanout;

/** Streams offered a change start writing it once every reader has it: each event loop is woken once per change. */
@Component
class LoopWakeups implements Fanout {

	@Override
	public void handOut(Runnable offers) {
		LoopWriter.wakeAfter(offers);
	}
}

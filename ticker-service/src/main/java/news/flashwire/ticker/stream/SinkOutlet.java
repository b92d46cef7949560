package news.flashwire.ticker.stream;

import java.util.ArrayList;
import java.util.List;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Sinks;

/**
 * A stream's outlet where the server is not Reactor Netty (routes bound in tests): items go to a reactive sink
 * whose subscriber is the response. It holds as much as the response leaves unread; the application serves its
 * streams on Netty ({@link ChannelOutlet}), whose writability bounds that.
 */
final class SinkOutlet implements SseConnection.Outlet {

	private final Sinks.Many<Object> items = Sinks.unsafe().many().unicast().onBackpressureBuffer();

	private final List<Object> drained = new ArrayList<>();

	@Override
	public boolean isWritable() {
		return true;
	}

	// Called with the connection's lock held, so emissions are serialized.
	@Override
	public void wake(SseConnection connection) {
		connection.drainTo(drained);
		for (Object item : drained) {
			if (item == SseConnection.STALLED) {
				items.tryEmitError(new StalledReader());
			}
			else if (item == SseConnection.END) {
				items.tryEmitComplete();
			}
			else {
				items.tryEmitNext(item);
			}
		}
		drained.clear();
	}

	Flux<Object> items() {
		return items.asFlux();
	}
}

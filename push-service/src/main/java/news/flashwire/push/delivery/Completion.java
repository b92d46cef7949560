package news.flashwire.push.delivery;

import org.jspecify.annotations.Nullable;

/**
 * How an asynchronous step of a delivery ended: {@code null} when it went well, else its failure. Called exactly once,
 * on whatever thread ended the step (an event loop, a Kafka producer thread). The fan-out's path from an alert to the
 * webhook exchange is made of these, without a Reactor operator per delivery.
 */
@FunctionalInterface
public interface Completion {

	void completed(@Nullable Throwable failure);
}

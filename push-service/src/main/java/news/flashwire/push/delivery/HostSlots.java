package news.flashwire.push.delivery;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.stereotype.Component;

import reactor.core.publisher.Mono;

/**
 * Bounded concurrency per destination host: a hanging endpoint holds only its own host's slots; a delivery that
 * finds them all taken fails at once and is retried later, so it never waits in front of other hosts' deliveries.
 */
@Component
public class HostSlots {

	private final Map<String, Semaphore> slots = new ConcurrentHashMap<>();

	private final int perHost;

	HostSlots(DeliverySettings settings) {
		this.perHost = settings.perHostConcurrency();
	}

	public <T> Mono<T> withSlot(String host, Supplier<Mono<T>> call) {
		return Mono.defer(() -> {
			Semaphore semaphore = slots.computeIfAbsent(host, key -> new Semaphore(perHost));
			if (!semaphore.tryAcquire()) {
				return Mono.error(new DeliveryFailure("all " + perHost + " slots of " + host + " are busy"));
			}
			return call.get().doFinally(signal -> semaphore.release());
		});
	}
}

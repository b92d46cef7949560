package news.flashwire.push.subscription;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;

/**
 * The subscriptions of the subscriptions-topic partitions this instance owns: the subscribers it delivers to.
 * Rebuilt from the compacted topic whenever partitions are assigned.
 */
@Component
public class SubscriptionStore {

	private final Map<Integer, Map<String, Subscription>> byPartition = new ConcurrentHashMap<>();

	void put(int partition, Subscription subscription) {
		byPartition.computeIfAbsent(partition, key -> new ConcurrentHashMap<>()).put(subscription.id(), subscription);
	}

	void remove(int partition, String id) {
		byPartition.getOrDefault(partition, Map.of()).remove(id);
	}

	void forget(Collection<Integer> partitions) {
		partitions.forEach(byPartition::remove);
	}

	public List<Subscription> matching(Alert alert) {
		return byPartition.values()
			.stream()
			.flatMap(subscriptions -> subscriptions.values().stream())
			.filter(subscription -> subscription.wants(alert))
			.toList();
	}

	public Optional<Subscription> find(String id) {
		return byPartition.values().stream().map(subscriptions -> subscriptions.get(id)).filter(s -> s != null).findFirst();
	}

	public int size() {
		return byPartition.values().stream().mapToInt(Map::size).sum();
	}
}

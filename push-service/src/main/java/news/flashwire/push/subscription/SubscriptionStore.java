package news.flashwire.push.subscription;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;

/**
 * The subscriptions of the subscriptions-topic partitions this instance owns: the subscribers it fans alerts out
 * to. Rebuilt from the compacted topic whenever partitions are assigned; a partition is loaded once read up to the
 * end it had at assignment, and only loaded partitions are fanned out to.
 */
@Component
public class SubscriptionStore {

	private final Map<Integer, Map<String, Subscription>> byPartition = new ConcurrentHashMap<>();

	private final Set<Integer> loaded = ConcurrentHashMap.newKeySet();

	void put(int partition, Subscription subscription) {
		byPartition.computeIfAbsent(partition, key -> new ConcurrentHashMap<>()).put(subscription.id(), subscription);
	}

	void remove(int partition, String id) {
		Map<String, Subscription> subscriptions = byPartition.get(partition);
		if (subscriptions != null) {
			subscriptions.remove(id);
		}
	}

	void assign(Collection<Integer> partitions) {
		partitions.forEach(partition -> byPartition.putIfAbsent(partition, new ConcurrentHashMap<>()));
	}

	void markLoaded(int partition) {
		loaded.add(partition);
	}

	void forget(Collection<Integer> partitions) {
		loaded.removeAll(partitions);
		partitions.forEach(byPartition::remove);
	}

	boolean allLoaded() {
		return loaded.containsAll(byPartition.keySet());
	}

	/** Whether the partition's subscriptions are fully loaded here now. */
	public boolean isLoaded(int partition) {
		return loaded.contains(partition);
	}

	/** The partitions whose subscriptions are fully loaded here. */
	public Set<Integer> loadedPartitions() {
		return Set.copyOf(loaded);
	}

	/** The subscribers of one owned partition that want the alert now. */
	public List<Subscription> matching(Alert alert, int partition, Instant now) {
		return byPartition.getOrDefault(partition, Map.of())
			.values()
			.stream()
			.filter(subscription -> subscription.wants(alert, now))
			.toList();
	}

	public Optional<Subscription> find(String id) {
		return byPartition.values().stream().map(subscriptions -> subscriptions.get(id)).filter(s -> s != null).findFirst();
	}

	Optional<Subscription> find(int partition, String id) {
		return Optional.ofNullable(byPartition.getOrDefault(partition, Map.of()).get(id));
	}

	public int size() {
		return byPartition.values().stream().mapToInt(Map::size).sum();
	}
}

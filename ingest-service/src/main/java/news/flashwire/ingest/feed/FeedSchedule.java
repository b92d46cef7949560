package news.flashwire.ingest.feed;

import java.util.Collection;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

import org.apache.kafka.common.TopicPartition;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls every source this instance owns (see {@link FeedOwnership}) on its own fixed delay, on a pool of
 * {@code concurrency} threads: a source is never polled twice at once, and one that hangs holds one thread for at most
 * its timeout while the others go on.
 */
@Component
class FeedSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

	private final FeedSettings settings;

	private final FeedPoller poller;

	private final FeedActivity activity;

	private final Map<String, ScheduledFuture<?>> polling = new ConcurrentHashMap<>();

	private final Set<Integer> owned = new HashSet<>();

	private int partitionCount;

	private volatile @Nullable ScheduledThreadPoolExecutor executor;

	FeedSchedule(FeedSettings settings, FeedPoller poller, FeedActivity activity) {
		this.settings = settings;
		this.poller = poller;
		this.activity = activity;
	}

	/** Starts polling the sources whose state lives in {@code partitions}. */
	synchronized void own(Collection<TopicPartition> partitions, int partitionCount) {
		this.partitionCount = partitionCount;
		owned.addAll(numbers(partitions));
		pollOwned();
	}

	/** Stops polling the sources of {@code partitions}: another instance takes them over. */
	synchronized void disown(Collection<TopicPartition> partitions) {
		Set<Integer> revoked = numbers(partitions);
		owned.removeAll(revoked);
		for (FeedSettings.Source source : settings.sources()) {
			ScheduledFuture<?> future = polling.get(source.name());
			if (future != null && revoked.contains(partitionOf(source))) {
				future.cancel(false);
				polling.remove(source.name());
				activity.forget(source.name());
				log.info("Feed {} moves to another instance", source.name());
			}
		}
	}

	private void pollOwned() {
		ScheduledThreadPoolExecutor pool = executor;
		if (pool == null || partitionCount == 0) {
			return;
		}
		for (FeedSettings.Source source : settings.sources()) {
			if (owned.contains(partitionOf(source)) && !polling.containsKey(source.name())) {
				polling.put(source.name(), pool.scheduleWithFixedDelay(() -> poll(source), 0,
						source.interval().toMillis(), TimeUnit.MILLISECONDS));
				log.info("Polling feed {} ({}) every {} into edition {}", source.name(), source.shownUrl(),
						source.interval(), source.edition());
			}
		}
	}

	private void poll(FeedSettings.Source source) {
		poller.poll(source);
		// A poll that was under way when its source moved away: its report belongs to the new owner.
		if (!owns(source)) {
			activity.forget(source.name());
		}
	}

	private synchronized boolean owns(FeedSettings.Source source) {
		return partitionCount > 0 && owned.contains(partitionOf(source));
	}

	private int partitionOf(FeedSettings.Source source) {
		return FeedOwnership.partitionOf(source.name(), partitionCount);
	}

	@Override
	public synchronized void start() {
		if (settings.sources().isEmpty()) {
			return;
		}
		ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(settings.concurrency(), threads());
		pool.setRemoveOnCancelPolicy(true);
		executor = pool;
		pollOwned();
	}

	@Override
	public void stop() {
		ScheduledThreadPoolExecutor pool;
		synchronized (this) {
			pool = executor;
			executor = null;
			polling.clear();
		}
		if (pool == null) {
			return;
		}
		// A poll under way may finish its item; one waiting for a slow feed is interrupted (nothing is lost: each
		// item's story and state are one transaction, and the next poller asks again).
		pool.shutdown();
		try {
			if (!pool.awaitTermination(2, TimeUnit.SECONDS)) {
				pool.shutdownNow();
				pool.awaitTermination(5, TimeUnit.SECONDS);
			}
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
	}

	// Started before the ownership container (Integer.MAX_VALUE - 100) hands out partitions, stopped after it.
	@Override
	public int getPhase() {
		return Integer.MAX_VALUE - 200;
	}

	private static Set<Integer> numbers(Collection<TopicPartition> partitions) {
		return partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
	}

	private static ThreadFactory threads() {
		AtomicInteger count = new AtomicInteger();
		return runnable -> {
			Thread thread = new Thread(runnable, "feed-poll-" + count.incrementAndGet());
			thread.setDaemon(true);
			return thread;
		};
	}
}

package news.flashwire.ingest.feed;

import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Polls every configured source on its own fixed delay, on a pool of {@code concurrency} threads: a source is never
 * polled twice at once, and one that hangs holds one thread for at most its timeout while the others go on.
 */
@Component
class FeedSchedule implements SmartLifecycle {

	private static final Logger log = LoggerFactory.getLogger(FeedSchedule.class);

	private final FeedSettings settings;

	private final FeedPoller poller;

	private volatile @Nullable ScheduledThreadPoolExecutor executor;

	FeedSchedule(FeedSettings settings, FeedPoller poller) {
		this.settings = settings;
		this.poller = poller;
	}

	@Override
	public void start() {
		if (settings.sources().isEmpty()) {
			return;
		}
		ScheduledThreadPoolExecutor pool = new ScheduledThreadPoolExecutor(settings.concurrency(), threads());
		pool.setRemoveOnCancelPolicy(true);
		for (FeedSettings.Source source : settings.sources()) {
			pool.scheduleWithFixedDelay(() -> poller.poll(source), 0, source.interval().toMillis(),
					TimeUnit.MILLISECONDS);
			log.info("Polling feed {} ({}) every {} into edition {}", source.name(), source.url(), source.interval(),
					source.edition());
		}
		executor = pool;
	}

	@Override
	public void stop() {
		ScheduledThreadPoolExecutor pool = executor;
		executor = null;
		if (pool == null) {
			return;
		}
		pool.shutdownNow();
		try {
			pool.awaitTermination(5, TimeUnit.SECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	@Override
	public boolean isRunning() {
		return executor != null;
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

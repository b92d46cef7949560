package news.flashwire.ticker.headline;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.common.TopicPartition;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;

/**
 * Readiness of a ticker instance: ready only once it has read the ticker topic up to where it ended when the
 * instance started, so a new or restarted instance never serves a partial ticker.
 */
@Component("tickerCatchUp")
class CatchUp extends AbstractHealthIndicator {

	private static final Duration TIMEOUT = Duration.ofSeconds(5);

	private final KafkaAdmin kafkaAdmin;

	private final Map<TopicPartition, Long> reached = new ConcurrentHashMap<>();

	private volatile Map<TopicPartition, Long> targets = Map.of();

	private volatile boolean caughtUp;

	CatchUp(KafkaAdmin kafkaAdmin) {
		super("Ticker state not caught up");
		this.kafkaAdmin = kafkaAdmin;
	}

	/** Whether this instance has read every partition up to where it ended at start-up; once true, stays true. */
	synchronized boolean isCaughtUp() throws Exception {
		if (!caughtUp) {
			if (targets.isEmpty()) {
				targets = endOffsets();
			}
			caughtUp = behind() == 0;
		}
		return caughtUp;
	}

	void reached(TopicPartition partition, long nextOffset) {
		reached.merge(partition, nextOffset, Math::max);
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		boolean ready = isCaughtUp();
		if (!ready) {
			builder.withDetail("behind", behind());
		}
		builder.status(ready ? "UP" : "OUT_OF_SERVICE");
	}

	private long behind() {
		long behind = 0;
		for (Map.Entry<TopicPartition, Long> target : targets.entrySet()) {
			behind += Math.max(0, target.getValue() - reached.getOrDefault(target.getKey(), 0L));
		}
		return behind;
	}

	private Map<TopicPartition, Long> endOffsets() throws Exception {
		try (AdminClient admin = AdminClient.create(kafkaAdmin.getConfigurationProperties())) {
			var partitions = admin.describeTopics(java.util.List.of(Topics.TICKER))
				.allTopicNames()
				.get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)
				.get(Topics.TICKER)
				.partitions();
			Map<TopicPartition, OffsetSpec> latest = partitions.stream()
				.collect(Collectors.toMap(info -> new TopicPartition(Topics.TICKER, info.partition()),
						info -> OffsetSpec.latest()));
			Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest)
				.all()
				.get(TIMEOUT.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
			return ends.entrySet()
				.stream()
				.collect(Collectors.toMap(Map.Entry::getKey, entry -> entry.getValue().offset()));
		}
	}
}

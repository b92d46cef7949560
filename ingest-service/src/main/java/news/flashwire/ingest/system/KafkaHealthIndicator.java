package news.flashwire.ingest.system;

import java.util.concurrent.TimeUnit;

import org.apache.kafka.clients.admin.AdminClient;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/** Ready only while the broker answers: a story posted now could be acknowledged. */
@Component
class KafkaHealthIndicator extends AbstractHealthIndicator implements DisposableBean {

	private static final int TIMEOUT_MS = 2000;

	private final AdminClient admin;

	KafkaHealthIndicator(KafkaAdmin kafkaAdmin) {
		super("Kafka broker not reachable");
		this.admin = AdminClient.create(kafkaAdmin.getConfigurationProperties());
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) throws Exception {
		var cluster = admin.describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS));
		int brokers = cluster.nodes().get(TIMEOUT_MS, TimeUnit.MILLISECONDS).size();
		builder.up().withDetail("clusterId", cluster.clusterId().get()).withDetail("brokers", brokers);
	}

	@Override
	public void destroy() {
		admin.close();
	}
}

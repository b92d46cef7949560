package news.flashwire.ingest.publish;

import java.util.Map;

import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;

import kafka.server.BrokerServer;

/**
 * A KRaft broker of this test's own (the module's shared one cannot be restarted) that can be stopped and started again
 * with its data kept: its controller keeps running, and the broker keeps its log folders.
 */
final class RestartableBroker implements AutoCloseable {

	private final EmbeddedKafkaKraftBroker kafka;

	RestartableBroker() {
		kafka = new EmbeddedKafkaKraftBroker(1, 3);
		kafka.brokerProperties(Map.of("offsets.topic.replication.factor", "1", "transaction.state.log.replication.factor",
				"1", "transaction.state.log.min.isr", "1", "transaction.state.log.num.partitions", "4",
				"offsets.topic.num.partitions", "4", "group.initial.rebalance.delay.ms", "0"));
		// By default it would publish its address as spring.kafka.bootstrap-servers, which the module's shared broker owns.
		kafka.brokerListProperty("flashwire.test.restartable-broker");
		kafka.afterPropertiesSet();
	}

	/** Where the broker listens: the port is random, chosen at the first start and bound again at a restart. */
	String bootstrapServers() {
		BrokerServer broker = broker();
		return "127.0.0.1:" + broker.boundPort(org.apache.kafka.common.network.ListenerName.normalised("EXTERNAL"));
	}

	void stop() {
		broker().shutdown();
		broker().awaitShutdown();
	}

	void start() {
		broker().startup();
	}

	private BrokerServer broker() {
		return kafka.getCluster().brokers().values().iterator().next();
	}

	@Override
	public void close() {
		kafka.destroy();
	}
}

package news.flashwire.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.apache.kafka.common.Uuid;
import org.jspecify.annotations.Nullable;

/**
 * A single-node KRaft broker in its own JVM, run from the jars the build copied. The data folder is formatted
 * once; later starts reuse it, so stories survive a restart.
 */
final class LocalKafka {

	private static final Duration POLL = Duration.ofMillis(500);

	private final Path libs;

	private final BrokerConfig config;

	private final Path log;

	private volatile @Nullable ChildJvm broker;

	LocalKafka(Path libs, BrokerConfig config, Path log) {
		this.libs = libs;
		this.config = config;
		this.log = log;
	}

	String bootstrapServers() {
		return "127.0.0.1:" + config.port();
	}

	ChildJvm start() {
		config.write();
		if (!config.isFormatted()) {
			format();
		}
		ChildJvm started = ChildJvm.start("kafka", java("-Xmx256m", "kafka.Kafka", config.serverProperties()), log);
		broker = started;
		return started;
	}

	void awaitReady(Duration timeout) {
		ChildJvm started = requireStarted();
		Instant deadline = Instant.now().plus(timeout);
		try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
				AdminClientConfig.CLIENT_ID_CONFIG, "flashwire-launcher"))) {
			while (!answers(admin)) {
				if (started.exitsWithin(POLL)) {
					throw started.died();
				}
				if (Instant.now().isAfter(deadline)) {
					throw new LaunchFailed("Kafka was not ready within " + timeout.toSeconds() + " s; see " + log);
				}
			}
		}
	}

	void stop() {
		if (broker != null) {
			broker.stop(Duration.ofSeconds(30));
		}
	}

	private void format() {
		String clusterId = Uuid.randomUuid().toString();
		ChildJvm storageTool = ChildJvm.start("kafka storage format", java("-Xmx128m", "kafka.tools.StorageTool",
				"format", "--standalone", "-t", clusterId, "-c", config.serverProperties()), log);
		if (!storageTool.exitsWithin(Duration.ofSeconds(60)) || storageTool.exitValue() != 0) {
			storageTool.stop(Duration.ofSeconds(5));
			throw new LaunchFailed("Could not format Kafka's data folder " + config.logDirs() + "; see " + log);
		}
	}

	private static boolean answers(Admin admin) {
		try {
			admin.describeCluster(new DescribeClusterOptions().timeoutMs(2000)).nodes().get();
			return true;
		}
		catch (ExecutionException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchFailed("Interrupted while waiting for Kafka");
		}
	}

	private List<String> java(String heap, String mainClass, Object... arguments) {
		List<String> command = new ArrayList<>(List.of(heap,
				"-Dlog4j2.configurationFile=" + config.log4jConfiguration().toAbsolutePath(),
				"-cp", libs.toAbsolutePath().resolve("*").toString(), mainClass));
		for (Object argument : arguments) {
			command.add(argument.toString());
		}
		return command;
	}

	private ChildJvm requireStarted() {
		if (broker == null) {
			throw new IllegalStateException("Start the broker before waiting for it");
		}
		return broker;
	}

}

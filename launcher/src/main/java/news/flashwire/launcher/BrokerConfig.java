package news.flashwire.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The files a single-node KRaft broker runs from, kept under the data folder: server.properties, rewritten on every
 * start so the ports can change, and a log4j2 configuration that lets only warnings through.
 */
record BrokerConfig(Path dataDir, int port, int controllerPort) {

	Path logDirs() {
		return dataDir.resolve("kafka-data").toAbsolutePath().normalize();
	}

	Path serverProperties() {
		return dataDir.resolve("kafka-config").resolve("server.properties");
	}

	Path log4jConfiguration() {
		return dataDir.resolve("kafka-config").resolve("log4j2.properties");
	}

	/** The storage tool writes meta.properties when it formats the folder; a broker refuses a folder without it. */
	boolean isFormatted() {
		return Files.exists(logDirs().resolve("meta.properties"));
	}

	void write() {
		try {
			Files.createDirectories(serverProperties().getParent());
			Files.writeString(serverProperties(), serverPropertiesText());
			Files.writeString(log4jConfiguration(), log4jText());
		}
		catch (IOException ex) {
			throw new LaunchFailed("Cannot write the broker's configuration in " + dataDir + ": " + ex);
		}
	}

	String serverPropertiesText() {
		return """
				# Rewritten by ./flashwire on every start: change its options, not this file.
				process.roles=broker,controller
				node.id=1
				controller.quorum.bootstrap.servers=127.0.0.1:%2$d
				listeners=PLAINTEXT://127.0.0.1:%1$d,CONTROLLER://127.0.0.1:%2$d
				advertised.listeners=PLAINTEXT://127.0.0.1:%1$d
				listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT
				inter.broker.listener.name=PLAINTEXT
				controller.listener.names=CONTROLLER
				log.dirs=%3$s
				num.partitions=1
				default.replication.factor=1
				min.insync.replicas=1
				offsets.topic.replication.factor=1
				transaction.state.log.replication.factor=1
				transaction.state.log.min.isr=1
				share.coordinator.state.topic.replication.factor=1
				share.coordinator.state.topic.min.isr=1
				group.initial.rebalance.delay.ms=0
				""".formatted(port, controllerPort, logDirs());
	}

	private static String log4jText() {
		return """
				appender.console.type=Console
				appender.console.name=console
				appender.console.layout.type=PatternLayout
				appender.console.layout.pattern=[%d] %p %m (%c)%n
				rootLogger.level=WARN
				rootLogger.appenderRef.console.ref=console
				""";
	}

}

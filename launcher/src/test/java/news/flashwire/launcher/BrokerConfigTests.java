package news.flashwire.launcher;

import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import static org.assertj.core.api.Assertions.assertThat;

class BrokerConfigTests {

	@TempDir
	Path dataDir;

	@Test
	void runsBrokerAndControllerAsOneNode() throws IOException {
		Properties server = writtenServerProperties();

		assertThat(server).containsEntry("process.roles", "broker,controller")
			.containsEntry("node.id", "1")
			.containsEntry("controller.listener.names", "CONTROLLER")
			.containsEntry("controller.quorum.bootstrap.servers", "127.0.0.1:29093");
	}

	@Test
	void listensOnLoopbackOnly() throws IOException {
		Properties server = writtenServerProperties();

		assertThat(server).containsEntry("listeners", "PLAINTEXT://127.0.0.1:29092,CONTROLLER://127.0.0.1:29093")
			.containsEntry("advertised.listeners", "PLAINTEXT://127.0.0.1:29092");
	}

	@Test
	void needsNoSecondBrokerForOffsetsOrTransactions() throws IOException {
		Properties server = writtenServerProperties();

		assertThat(server).containsEntry("offsets.topic.replication.factor", "1")
			.containsEntry("transaction.state.log.replication.factor", "1")
			.containsEntry("transaction.state.log.min.isr", "1")
			.containsEntry("share.coordinator.state.topic.replication.factor", "1")
			.containsEntry("default.replication.factor", "1")
			.containsEntry("min.insync.replicas", "1");
	}

	@Test
	void keepsTheDataUnderTheDataDir() throws IOException {
		Properties server = writtenServerProperties();

		assertThat(Path.of(server.getProperty("log.dirs"))).isAbsolute()
			.isEqualTo(dataDir.resolve("kafka-data").toAbsolutePath());
	}

	@Test
	void letsOnlyWarningsIntoTheBrokerLog() throws IOException {
		BrokerConfig config = new BrokerConfig(dataDir, 29092, 29093);
		config.write();

		assertThat(load(config.log4jConfiguration())).containsEntry("rootLogger.level", "WARN");
	}

	@Test
	void isFormattedOnceTheStorageToolHasWrittenMetaProperties() throws IOException {
		BrokerConfig config = new BrokerConfig(dataDir, 29092, 29093);
		assertThat(config.isFormatted()).isFalse();

		Files.createDirectories(config.logDirs());
		Files.writeString(config.logDirs().resolve("meta.properties"), "node.id=1\n");

		assertThat(config.isFormatted()).isTrue();
	}

	private Properties writtenServerProperties() throws IOException {
		BrokerConfig config = new BrokerConfig(dataDir, 29092, 29093);
		config.write();
		return load(config.serverProperties());
	}

	private static Properties load(Path file) throws IOException {
		Properties properties = new Properties();
		try (Reader reader = Files.newBufferedReader(file)) {
			properties.load(reader);
		}
		return properties;
	}

}

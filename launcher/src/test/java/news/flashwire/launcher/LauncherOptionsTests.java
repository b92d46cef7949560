package news.flashwire.launcher;

import java.nio.file.Path;
import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.tuple;

class LauncherOptionsTests {

	@Test
	void usesTheReadmePortsByDefault() {
		LauncherOptions options = LauncherOptions.parse();

		assertThat(options.kafkaPort()).isEqualTo(9092);
		assertThat(options.controllerPort()).isEqualTo(9093);
		assertThat(options.services()).extracting(Service::module, Service::port)
			.containsExactly(tuple("ingest-service", 8081),
					tuple("ticker-service", 8082),
					tuple("push-service", 8083));
		assertThat(options.dataDir()).isEqualTo(Path.of(".flashwire"));
		assertThat(options.logDir()).isEqualTo(Path.of(".flashwire", "logs"));
		assertThat(options.readyTimeout()).isEqualTo(Duration.ofSeconds(120));
		assertThat(options.helpWanted()).isFalse();
	}

	@Test
	void putsTheControllerNextToAMovedKafkaPort() {
		assertThat(LauncherOptions.parse("--kafka-port=19092").controllerPort()).isEqualTo(19093);
	}

	@Test
	void readsEveryOption() {
		LauncherOptions options = LauncherOptions.parse("--kafka-port=1001", "--controller-port=1002",
				"--ingest-port=1003", "--ticker-port=1004", "--push-port=1005", "--data-dir=/tmp/fw",
				"--ready-timeout=30");

		assertThat(options).isEqualTo(new LauncherOptions(1001, 1002, 1003, 1004, 1005, Path.of("/tmp/fw"),
				Duration.ofSeconds(30), false, java.util.Map.of(), java.util.Map.of()));
	}

	@Test
	void passesServicePropertiesThroughToTheirService() {
		LauncherOptions options = LauncherOptions.parse("--push.flashwire.push.webhook.allowed-networks=127.0.0.1/32",
				"--ticker.flashwire.ticker.editions=ar,en,fr");

		assertThat(options.services()).filteredOn(service -> service.label().equals("push"))
			.singleElement()
			.extracting(Service::extraArgs)
			.isEqualTo(java.util.List.of("--flashwire.push.webhook.allowed-networks=127.0.0.1/32"));
		assertThat(options.services()).filteredOn(service -> service.label().equals("ingest"))
			.singleElement()
			.extracting(Service::extraArgs)
			.isEqualTo(java.util.List.of("--spring.profiles.active=local"));
		assertThat(options.services()).filteredOn(service -> service.label().equals("ticker"))
			.singleElement()
			.extracting(Service::extraArgs)
			.isEqualTo(java.util.List.of("--flashwire.ticker.editions=ar,en,fr"));
	}

	@Test
	void startsTheTickerAndPushWithTheThroughputCollectorAndEveryServiceWithTheDefaultHeap() {
		LauncherOptions options = LauncherOptions.parse("--ticker-port=18182");

		assertThat(options.services()).extracting(Service::label, Service::jvmOptions)
			.containsExactly(tuple("ingest", java.util.List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
					tuple("ticker", java.util.List.of("-XX:+UseParallelGC")),
					tuple("push", java.util.List.of("-XX:+UseParallelGC")));
		assertThat(options.services().get(1).javaArguments(Path.of("ticker.jar"), "127.0.0.1:9092")).containsExactly(
				"-Xmx384m", "-XX:+UseParallelGC", "-jar", "ticker.jar", "--server.port=18182",
				"--spring.kafka.bootstrap-servers=127.0.0.1:9092");
	}

	@Test
	void startsIngestWithTheFirstJitCompilerOnlyAndTheSerialCollectorUnlessToldOtherwise() {
		LauncherOptions defaults = LauncherOptions.parse("--ingest-port=18181");
		LauncherOptions withC2AndG1 = LauncherOptions
			.parse("--ingest-jvm=-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC");

		assertThat(defaults.services().get(0).javaArguments(Path.of("ingest.jar"), "127.0.0.1:9092")).containsExactly(
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-jar", "ingest.jar", "--server.port=18181",
				"--spring.kafka.bootstrap-servers=127.0.0.1:9092", "--spring.profiles.active=local");
		assertThat(withC2AndG1.services().get(0).javaArguments(Path.of("ingest.jar"), "127.0.0.1:9092")).startsWith(
				"-Xmx384m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=4", "-XX:-UseSerialGC",
				"-XX:+UseG1GC", "-jar", "ingest.jar");
	}

	@Test
	void givesEachServiceItsOwnJvmOptionsAfterTheDefaults() {
		LauncherOptions options = LauncherOptions.parse("--ticker-jvm=-XX:-UseParallelGC  -XX:+UseG1GC -Xmx512m",
				"--push-jvm=-Xss512k");

		assertThat(options.services()).extracting(Service::label, Service::jvmOptions)
			.containsExactly(tuple("ingest", java.util.List.of("-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC")),
					tuple("ticker",
						java.util.List.of("-XX:+UseParallelGC", "-XX:-UseParallelGC", "-XX:+UseG1GC", "-Xmx512m")),
					tuple("push", java.util.List.of("-XX:+UseParallelGC", "-Xss512k")));
		assertThat(options.services().get(2).javaArguments(Path.of("push.jar"), "127.0.0.1:9092"))
			.startsWith("-Xmx384m", "-XX:+UseParallelGC", "-Xss512k", "-jar", "push.jar");
	}

	@Test
	void rejectsJvmOptionsThatChangeWhatRunsOrAreNoOptions() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--push-jvm=-jar other.jar"))
			.withMessage("--push-jvm takes JVM options such as -XX:+UseParallelGC, not '-jar'");
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherOptions.parse("--ingest-jvm=--class-path=/tmp/evil"))
			.withMessageContaining("not '--class-path=/tmp/evil'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--ticker-jvm=Xmx512m"))
			.withMessageContaining("not 'Xmx512m'");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--ticker-jvm="))
			.withMessageContaining("not ''");
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--kafka-jvm=-Xmx1g"))
			.withMessage("Unknown option --kafka-jvm");
	}

	@Test
	void wantsHelp() {
		assertThat(LauncherOptions.parse("--help").helpWanted()).isTrue();
		assertThat(LauncherOptions.parse("-h").helpWanted()).isTrue();
	}

	@Test
	void rejectsAnUnknownOption() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--kafka=9092"))
			.withMessage("Unknown option --kafka");
	}

	@Test
	void rejectsAnOptionWithoutValue() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--kafka-port", "9092"))
			.withMessageContaining("--name=value");
	}

	@Test
	void rejectsAPortThatIsNotANumber() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--ingest-port=http"))
			.withMessage("--ingest-port must be a number, not 'http'");
	}

	@Test
	void rejectsAPortOutOfRange() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--push-port=70000"))
			.withMessageContaining("between 1 and 65535");
	}

	@Test
	void rejectsTheSamePortForTwoParts() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--ticker-port=8081"))
			.withMessageContaining("8081 is given twice");
	}

	@Test
	void rejectsAControllerOnTheKafkaPort() {
		assertThatIllegalArgumentException()
			.isThrownBy(() -> LauncherOptions.parse("--kafka-port=9000", "--controller-port=9000"))
			.withMessageContaining("9000 is given twice");
	}

	@Test
	void rejectsAZeroReadyTimeout() {
		assertThatIllegalArgumentException().isThrownBy(() -> LauncherOptions.parse("--ready-timeout=0"))
			.withMessageContaining("at least 1 second");
	}

}

package news.flashwire.launcher;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/** What {@code ./flashwire} was asked for: ports, where to keep data and logs, how long to wait. */
record LauncherOptions(int kafkaPort, int controllerPort, int ingestPort, int tickerPort, int pushPort, Path dataDir,
		Duration readyTimeout, boolean helpWanted, Map<String, List<String>> serviceArgs,
		Map<String, List<String>> jvmOptions) {

	static final String USAGE = """
			Usage: ./flashwire [--name=value ...]

			Starts a Kafka broker and the ingest, ticker and push services on this machine.

			  --kafka-port=9092        the broker's client port, on 127.0.0.1
			  --controller-port=PORT   the broker's KRaft controller port (default: kafka port + 1)
			  --ingest-port=8081       HTTP port of ingest-service
			  --ticker-port=8082       HTTP port of ticker-service
			  --push-port=8083         HTTP port of push-service
			  --data-dir=.flashwire    where Kafka keeps its data and every part writes its log
			  --ready-timeout=120      seconds to wait for each part to become ready
			  --ingest.NAME=VALUE      passes --NAME=VALUE to ingest-service (likewise --ticker. and --push.),
			                           e.g. --push.flashwire.push.webhook.allowed-networks=127.0.0.1/32
			  --ingest-jvm="OPTIONS"   JVM options for ingest-service, after the defaults (-Xmx384m; for ingest
			                           -XX:TieredStopAtLevel=1 -XX:+UseSerialGC, for the ticker and push
			                           -XX:+UseParallelGC), so a later option wins (likewise --ticker-jvm and
			                           --push-jvm), e.g. --ingest-jvm="-XX:TieredStopAtLevel=4 -XX:-UseSerialGC -XX:+UseG1GC"
			  --help                   print this and exit

			Set FLASHWIRE_SKIP_BUILD=1 to start without building first.
			""";

	private static final Set<String> NAMES = Set.of("kafka-port", "controller-port", "ingest-port", "ticker-port",
			"push-port", "data-dir", "ready-timeout");

	private static final Set<String> SERVICE_LABELS = Set.of("ingest", "ticker", "push");

	private static final String JVM_SUFFIX = "-jvm";

	// Options that would change what the JVM runs rather than how.
	private static final Set<String> NOT_JVM_OPTIONS = Set.of("-jar", "-cp", "-classpath", "--class-path", "-m",
			"--module", "-p", "--module-path");

	static LauncherOptions parse(String... args) {
		Map<String, String> values = new HashMap<>();
		Map<String, List<String>> serviceArgs = new HashMap<>();
		Map<String, List<String>> jvmOptions = new HashMap<>();
		boolean helpWanted = false;
		for (String arg : args) {
			if (arg.equals("--help") || arg.equals("-h")) {
				helpWanted = true;
				continue;
			}
			int equals = arg.indexOf('=');
			if (!arg.startsWith("--") || equals < 0) {
				throw new IllegalArgumentException("Expected --name=value but got '" + arg + "'");
			}
			String name = arg.substring(2, equals);
			String label = name.contains(".") ? name.substring(0, name.indexOf('.')) : "";
			if (SERVICE_LABELS.contains(label)) {
				serviceArgs.computeIfAbsent(label, key -> new ArrayList<>()).add("--" + arg.substring(label.length() + 3));
				continue;
			}
			String jvmOf = name.endsWith(JVM_SUFFIX) ? name.substring(0, name.length() - JVM_SUFFIX.length()) : "";
			if (SERVICE_LABELS.contains(jvmOf)) {
				jvmOptions.put(jvmOf, jvmOptions(name, arg.substring(equals + 1)));
				continue;
			}
			if (!NAMES.contains(name)) {
				throw new IllegalArgumentException("Unknown option --" + name);
			}
			values.put(name, arg.substring(equals + 1));
		}
		int kafkaPort = port(values, "kafka-port", 9092);
		LauncherOptions options = new LauncherOptions(kafkaPort, port(values, "controller-port", kafkaPort + 1),
				port(values, "ingest-port", 8081), port(values, "ticker-port", 8082), port(values, "push-port", 8083),
				Path.of(values.getOrDefault("data-dir", ".flashwire")), readyTimeout(values), helpWanted,
				Map.copyOf(serviceArgs), Map.copyOf(jvmOptions));
		options.requireDistinctPorts();
		return options;
	}

	List<Service> services() {
		return List.of(
				new Service("ingest-service", "ingest", ingestPort, "POST /v1/agencies/{agency}/stories",
						argsOf("ingest"), jvmOptionsOf("ingest")),
				new Service("ticker-service", "ticker", tickerPort,
						"GET /v1/editions/ar/headlines, /v1/editions/ar/stream", argsOf("ticker"),
						jvmOptionsOf("ticker")),
				new Service("push-service", "push", pushPort, "POST /v1/subscriptions", argsOf("push"),
						jvmOptionsOf("push")));
	}

	private List<String> argsOf(String label) {
		List<String> args = new ArrayList<>();
		if (label.equals("ingest")) {
			// Known local credentials (agency afp, editor editor; passwords are the names plus "-secret").
			args.add("--spring.profiles.active=local");
		}
		args.addAll(serviceArgs.getOrDefault(label, List.of()));
		return args;
	}

	private List<String> jvmOptionsOf(String label) {
		List<String> options = new ArrayList<>();
		if (label.equals("ingest")) {
			// Ingest's work is framework code run per request and per story (Reactor, Netty, Spring, Jackson, the
			// Kafka client): the C2 compiler was still compiling it after 300,000 stories, a third of ingest's CPU,
			// for code only 20-35 % faster than C1's. C1 alone, without profiling, costs ingest about a third less
			// CPU per story (docs/BENCHMARKS.md, issue 3).
			options.add("-XX:TieredStopAtLevel=1");
			// In its 384 MB heap on a machine shared with the broker and the other services, the serial collector
			// cost ingest a third of G1's GC CPU (no concurrent marking, no spinning GC workers, cheaper barriers).
			options.add("-XX:+UseSerialGC");
		}
		if (label.equals("ticker")) {
			// The ticker hands each change to thousands of streams held in long-lived queues: G1's concurrent
			// refinement of those cross-region stores took about a tenth of its CPU while publishing, and G1's pauses
			// fell inside publishing; the throughput collector has neither (docs/BENCHMARKS.md, issue 4).
			options.add("-XX:+UseParallelGC");
		}
		if (label.equals("push")) {
			// A fan-out makes short-lived objects for every delivery: G1's collections, concurrent marking and
			// refinement took about a sixth of push-service's CPU in a fan-out to 100,000 webhooks, the throughput
			// collector about a twentieth, and a late delivery costs nobody a pause (docs/BENCHMARKS.md, issue 5).
			options.add("-XX:+UseParallelGC");
		}
		options.addAll(jvmOptions.getOrDefault(label, List.of()));
		return options;
	}

	Path logDir() {
		return dataDir.resolve("logs");
	}

	private void requireDistinctPorts() {
		List<Integer> ports = List.of(kafkaPort, controllerPort, ingestPort, tickerPort, pushPort);
		String repeated = ports.stream()
			.filter(port -> ports.indexOf(port) != ports.lastIndexOf(port))
			.distinct()
			.map(String::valueOf)
			.collect(Collectors.joining(", "));
		if (!repeated.isEmpty()) {
			throw new IllegalArgumentException("Each part needs its own port, but " + repeated + " is given twice");
		}
	}

	private static List<String> jvmOptions(String name, String value) {
		List<String> options = List.of(value.trim().split("\\s+"));
		for (String option : options) {
			if (!option.startsWith("-") || NOT_JVM_OPTIONS.contains(option.split("=", 2)[0])) {
				throw new IllegalArgumentException(
						"--" + name + " takes JVM options such as -XX:+UseParallelGC, not '" + option + "'");
			}
		}
		return options;
	}

	private static int port(Map<String, String> values, String name, int fallback) {
		int port = number(values, name, fallback);
		if (port < 1 || port > 65535) {
			throw new IllegalArgumentException("--" + name + " must be a port between 1 and 65535, not " + port);
		}
		return port;
	}

	private static Duration readyTimeout(Map<String, String> values) {
		int seconds = number(values, "ready-timeout", 120);
		if (seconds < 1) {
			throw new IllegalArgumentException("--ready-timeout must be at least 1 second");
		}
		return Duration.ofSeconds(seconds);
	}

	private static int number(Map<String, String> values, String name, int fallback) {
		String value = values.get(name);
		if (value == null) {
			return fallback;
		}
		try {
			return Integer.parseInt(value.trim());
		}
		catch (NumberFormatException ex) {
			throw new IllegalArgumentException("--" + name + " must be a number, not '" + value + "'");
		}
	}

}

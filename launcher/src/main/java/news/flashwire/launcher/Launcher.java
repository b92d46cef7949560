package news.flashwire.launcher;

import java.io.PrintStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

/**
 * {@code ./flashwire}: starts a Kafka broker and the three services on this machine, prints where to find them, and
 * on Ctrl-C or SIGTERM stops them all, services first.
 */
public final class Launcher {

	private static final PrintStream OUT = System.out;

	private final LauncherOptions options;

	private final LocalSystem system;

	private Launcher(LauncherOptions options, LocalSystem system) {
		this.options = options;
		this.system = system;
	}

	public static void main(String[] args) {
		LauncherOptions options;
		try {
			options = LauncherOptions.parse(args);
		}
		catch (IllegalArgumentException ex) {
			System.err.println(ex.getMessage());
			System.err.println();
			System.err.print(LauncherOptions.USAGE);
			System.exit(2);
			return;
		}
		if (options.helpWanted()) {
			OUT.print(LauncherOptions.USAGE);
			return;
		}
		try {
			new Launcher(options, new LocalSystem(options, kafkaLibs(), version())).run();
		}
		catch (LaunchFailed ex) {
			System.err.println(ex.getMessage());
			System.exit(1);
		}
	}

	private void run() {
		long started = System.nanoTime();
		system.requireServiceJars();
		Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "flashwire-stop"));
		try {
			OUT.printf("Starting Kafka on 127.0.0.1:%d (log: %s)%n", options.kafkaPort(),
					options.logDir().resolve("kafka.log"));
			system.startKafka();
			OUT.printf("Starting ingest, ticker and push (logs: %s)%n", options.logDir());
			system.startServices();
			printWelcome((System.nanoTime() - started) / 1e9);
			throw system.awaitUnexpectedExit();
		}
		catch (LaunchFailed ex) {
			// Ctrl-C while starting or running ends the children too; that is no failure to report.
			if (!system.isStopping()) {
				throw ex;
			}
		}
	}

	private void printWelcome(double seconds) {
		OUT.printf(Locale.ROOT, "%nFlashwire is running (started in %.1f s)%n", seconds);
		for (Service service : options.services()) {
			OUT.printf("  %-7s %-23s %s%n", service.label(), service.url(), service.endpoints());
		}
		OUT.printf("  %-7s %-23s data in %s%n", "kafka", "127.0.0.1:" + options.kafkaPort(),
				options.dataDir().resolve("kafka-data"));
		OUT.printf("  %-7s %s%n", "logs", options.logDir() + "/");
		OUT.printf("  %-7s %s%n", "login", "agencies afp / afp-secret, reuters / reuters-secret; editor / editor-secret");
		OUT.println("Press Ctrl-C to stop.");
	}

	private void stop() {
		OUT.println("Stopping Flashwire: services first, then Kafka");
		system.stop();
		OUT.println("Stopped.");
	}

	/** The build copies Kafka's jars next to the launcher's jar; the manifest's Class-Path points there too. */
	private static Path kafkaLibs() {
		try {
			Path location = Path.of(Launcher.class.getProtectionDomain().getCodeSource().getLocation().toURI());
			Path libs = location.resolveSibling("kafka");
			if (!Files.isDirectory(libs)) {
				throw new LaunchFailed(
						"Kafka's jars are missing from " + libs + "; build with ./mvnw -DskipTests package");
			}
			return libs;
		}
		catch (URISyntaxException ex) {
			throw new LaunchFailed("Cannot locate the launcher's jar: " + ex.getMessage());
		}
	}

	/** The services are built with the launcher, so they carry its version in their jar names. */
	private static String version() {
		String version = Launcher.class.getPackage().getImplementationVersion();
		if (version == null) {
			throw new LaunchFailed("Run the launcher from its jar: java -jar launcher/target/launcher-<version>.jar");
		}
		return version;
	}

}

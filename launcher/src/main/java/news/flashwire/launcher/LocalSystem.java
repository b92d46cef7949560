package news.flashwire.launcher;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.jspecify.annotations.Nullable;

/**
 * The broker and the services as child JVMs: the broker started first and stopped last, and all of them watched
 * in between, so that one dying brings the rest down instead of leaving half a system running.
 */
final class LocalSystem {

	private static final Duration SERVICE_GRACE = Duration.ofSeconds(20);

	private final LauncherOptions options;

	private final LocalKafka kafka;

	private final String version;

	private @Nullable ChildJvm broker;

	private final List<ChildJvm> services = new ArrayList<>();

	private boolean stopping;

	LocalSystem(LauncherOptions options, Path kafkaLibs, String version) {
		this.options = options;
		this.version = version;
		this.kafka = new LocalKafka(kafkaLibs,
				new BrokerConfig(options.dataDir(), options.kafkaPort(), options.controllerPort()),
				options.logDir().resolve("kafka.log"));
	}

	void requireServiceJars() {
		String missing = options.services()
			.stream()
			.map(service -> service.jar(version))
			.filter(jar -> !Files.isRegularFile(jar))
			.map(Path::toString)
			.collect(Collectors.joining(", "));
		if (!missing.isEmpty()) {
			throw new LaunchFailed("Missing " + missing + "; build with ./mvnw -DskipTests package");
		}
	}

	void startKafka() {
		ChildJvm started = kafka.start();
		synchronized (this) {
			broker = started;
			stopIfStopping(started);
		}
		kafka.awaitReady(options.readyTimeout());
	}

	void startServices() {
		List<ServiceProcess> started = new ArrayList<>();
		for (Service service : options.services()) {
			ServiceProcess process = ServiceProcess.start(service, service.jar(version), kafka.bootstrapServers(),
					ServiceEnvironment.of(service, options), options.logDir());
			synchronized (this) {
				services.add(process.jvm());
				stopIfStopping(process.jvm());
			}
			started.add(process);
		}
		Instant deadline = Instant.now().plus(options.readyTimeout());
		started.forEach(process -> process.awaitReady(deadline));
	}

	/** Blocks until a child exits: unless the system is stopping, a failure to report. */
	LaunchFailed awaitUnexpectedExit() {
		List<ChildJvm> watched = running();
		CompletableFuture.anyOf(watched.stream().map(ChildJvm::onExit).toArray(CompletableFuture[]::new)).join();
		return watched.stream().filter(child -> !child.isAlive()).findFirst().map(ChildJvm::died).orElseThrow();
	}

	synchronized boolean isStopping() {
		return stopping;
	}

	/** Services first, in parallel, each given time for its own shutdown; then the broker they were using. */
	void stop() {
		List<ChildJvm> serviceJvms;
		synchronized (this) {
			stopping = true;
			serviceJvms = List.copyOf(services);
		}
		serviceJvms.stream()
			.map(child -> CompletableFuture.runAsync(() -> child.stop(SERVICE_GRACE)))
			.toList()
			.forEach(CompletableFuture::join);
		kafka.stop();
	}

	private synchronized List<ChildJvm> running() {
		return Stream.concat(Stream.ofNullable(broker), services.stream()).toList();
	}

	/** A child started while the shutdown hook was already running would be missed by it. */
	private void stopIfStopping(ChildJvm child) {
		if (stopping) {
			child.stop(SERVICE_GRACE);
			throw new LaunchFailed("Stopping");
		}
	}

}

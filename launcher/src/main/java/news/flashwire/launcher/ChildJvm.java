package news.flashwire.launcher;

import java.io.IOException;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

/** A JVM the launcher started, writing everything to its log file; asked to stop first, forced if it lingers. */
final class ChildJvm {

	private static final Path SETSID = Path.of("/usr/bin/setsid");

	private final String name;

	private final Process process;

	private final Path log;

	private ChildJvm(String name, Process process, Path log) {
		this.name = name;
		this.process = process;
		this.log = log;
	}

	static ChildJvm start(String name, List<String> javaArguments, Path log) {
		return start(name, javaArguments, Map.of(), log);
	}

	static ChildJvm start(String name, List<String> javaArguments, Map<String, String> environment, Path log) {
		List<String> command = new ArrayList<>();
		// In a session of its own a child misses the terminal's Ctrl-C, so the launcher alone decides the order
		// of stopping: services first, the broker they talk to last.
		if (Files.isExecutable(SETSID)) {
			command.add(SETSID.toString());
		}
		command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
		command.addAll(javaArguments);
		try {
			Files.createDirectories(log.toAbsolutePath().getParent());
			Files.writeString(log, "=== " + name + " starting at " + Instant.now() + System.lineSeparator(),
					StandardOpenOption.CREATE, StandardOpenOption.APPEND);
			ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true)
				.redirectOutput(Redirect.appendTo(log.toFile()));
			builder.environment().putAll(environment);
			Process process = builder.start();
			return new ChildJvm(name, process, log);
		}
		catch (IOException ex) {
			throw new LaunchFailed("Could not start " + name + ": " + ex.getMessage());
		}
	}

	String name() {
		return name;
	}

	Path log() {
		return log;
	}

	boolean isAlive() {
		return process.isAlive();
	}

	int exitValue() {
		return process.exitValue();
	}

	CompletableFuture<Process> onExit() {
		return process.onExit();
	}

	/** Waits until the JVM exits or the time is up, whichever comes first; true if it exited. */
	boolean exitsWithin(Duration time) {
		try {
			return process.waitFor(time.toMillis(), TimeUnit.MILLISECONDS);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			return !process.isAlive();
		}
	}

	/** Sends SIGTERM, so the JVM runs its own shutdown; kills it when it is still there after the grace period. */
	void stop(Duration grace) {
		process.destroy();
		if (!exitsWithin(grace)) {
			process.destroyForcibly();
			exitsWithin(Duration.ofSeconds(10));
		}
	}

	LaunchFailed died() {
		return new LaunchFailed(name + " stopped unexpectedly (exit code " + process.exitValue() + "); see " + log);
	}

}

package news.flashwire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * Runs {@code ./flashwire} from the repository root as a user would (without the build step, which the surrounding
 * build has done), on free ports and a data folder of its own, and talks to what it started over HTTP.
 */
final class LocalFlashwire implements AutoCloseable {

	static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

	private static final Pattern SUBSCRIPTIONS = Pattern.compile("\"subscriptions\":(\\d+)");

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final int[] ports = FreePorts.take(5);

	private final Path dataDir = createDirectory("flashwire-run-");

	private final List<Run> runs = new ArrayList<>();

	int ingestPort() {
		return ports[2];
	}

	int tickerPort() {
		return ports[3];
	}

	int pushPort() {
		return ports[4];
	}

	/** Starts ./flashwire and waits until all three services are ready. */
	Run launch(String name, String... extraOptions) {
		List<String> command = new ArrayList<>(List.of(ROOT.resolve("flashwire").toString(),
				"--kafka-port=" + ports[0], "--controller-port=" + ports[1], "--ingest-port=" + ingestPort(),
				"--ticker-port=" + tickerPort(), "--push-port=" + pushPort(), "--data-dir=" + dataDir,
				"--ready-timeout=170"));
		command.addAll(List.of(extraOptions));
		Path output = Path.of("target", "flashwire-" + name + ".log").toAbsolutePath();
		ProcessBuilder builder = new ProcessBuilder(command).directory(ROOT.toFile())
			.redirectErrorStream(true)
			.redirectOutput(output.toFile());
		builder.environment().put("FLASHWIRE_SKIP_BUILD", "1");
		builder.environment().put("JAVA_HOME", System.getProperty("java.home"));
		try {
			Run run = new Run(builder.start(), output);
			runs.add(run);
			run.awaitReady(List.of(ingestPort(), tickerPort(), pushPort()));
			return run;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	@Override
	public void close() {
		runs.forEach(Run::kill);
	}

	/**
	 * Subscribes a webhook with {@code json} and waits until push-service has read the subscription back, so an alert
	 * posted next reaches it; gives the creation's answer (with the secret, shown once).
	 */
	HttpResponse<String> subscribe(String json) {
		long before = subscriptions();
		HttpResponse<String> created = post(pushPort(), "/v1/subscriptions", json);
		assertThat(created.statusCode()).as(created::body).isEqualTo(201);
		await().atMost(Duration.ofSeconds(60)).until(() -> subscriptions() > before);
		return created;
	}

	/** How many subscriptions push-service serves, as its readiness reports them. */
	private long subscriptions() {
		Matcher count = SUBSCRIPTIONS.matcher(get(pushPort(), "/actuator/health/readiness").body());
		assertThat(count.find()).as("a subscription count in push-service's readiness").isTrue();
		return Long.parseLong(count.group(1));
	}

	static HttpResponse<String> post(int port, String path, String json) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
			.header("Content-Type", "application/json")
			.POST(BodyPublishers.ofString(json))
			.build());
	}

	/** Posts a story as the agency afp, with the credential the local run gives it. */
	static HttpResponse<String> postAsAfp(int ingestPort, String json) {
		String credential = java.util.Base64.getEncoder()
			.encodeToString("afp:afp-secret".getBytes(java.nio.charset.StandardCharsets.UTF_8));
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + ingestPort + "/v1/agencies/afp/stories"))
			.header("Content-Type", "application/json")
			.header("Authorization", "Basic " + credential)
			.POST(BodyPublishers.ofString(json))
			.build());
	}

	static HttpResponse<String> get(int port, String path) {
		return send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build());
	}

	private static HttpResponse<String> send(HttpRequest request) {
		try {
			// A service that takes the request and never answers fails the test instead of hanging the run.
			return HTTP.send(HttpRequest.newBuilder(request, (name, value) -> true).timeout(Duration.ofSeconds(30)).build(),
					BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}

	private static int readinessStatus(int port) {
		try {
			return get(port, "/actuator/health/readiness").statusCode();
		}
		catch (UncheckedIOException ex) {
			return -1;
		}
	}

	private static Path createDirectory(String prefix) {
		try {
			return Files.createTempDirectory(Files.createDirectories(Path.of("target")), prefix).toAbsolutePath();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	/** One run of ./flashwire, with the JVMs it started, remembered while they ran. */
	static final class Run {

		private final Process launcher;

		private final Path output;

		private List<ProcessHandle> children = List.of();

		Run(Process launcher, Path output) {
			this.launcher = launcher;
			this.output = output;
		}

		void awaitReady(List<Integer> servicePorts) {
			await().atMost(Duration.ofMinutes(3))
				.pollInterval(Duration.ofSeconds(1))
				.failFast(this::requireAlive)
				.untilAsserted(() -> assertThat(servicePorts).as(this::tail)
					.allSatisfy(port -> assertThat(readinessStatus(port)).isEqualTo(200)));
			children = launcher.descendants().toList();
			assertThat(children).as(() -> "the broker and three services" + tail()).hasSizeGreaterThanOrEqualTo(4);
		}

		void requireAlive() {
			assertThat(launcher.isAlive()).as(() -> "./flashwire exited" + tail()).isTrue();
		}

		/** Process.destroy sends SIGTERM, which runs the launcher's shutdown hook just as Ctrl-C does. */
		void stopAndExpectNothingLeft() {
			launcher.destroy();
			assertThat(waitFor(launcher)).as(() -> "./flashwire still running" + tail()).isTrue();
			assertThat(children).as(() -> "processes left behind" + tail()).noneMatch(ProcessHandle::isAlive);
		}

		void kill() {
			List<ProcessHandle> started = new ArrayList<>(children);
			if (launcher.isAlive()) {
				started.addAll(launcher.descendants().toList());
				launcher.destroy();
				waitFor(launcher);
			}
			started.forEach(ProcessHandle::destroyForcibly);
			launcher.destroyForcibly();
		}

		String tail() {
			try {
				List<String> lines = Files.readAllLines(output);
				return IntStream.range(Math.max(0, lines.size() - 40), lines.size())
					.mapToObj(lines::get)
					.reduce("\n--- tail of " + output + " ---", (tail, line) -> tail + "\n" + line);
			}
			catch (IOException ex) {
				return "\n(no output in " + output + ")";
			}
		}

		private static boolean waitFor(Process process) {
			try {
				return process.waitFor(90, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
				return false;
			}
		}

	}
}

package news.flashwire.launcher;

import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/** One service running from its Spring Boot jar; ready once its readiness probe answers 200. */
final class ServiceProcess {

	private static final Duration POLL = Duration.ofMillis(500);

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final Service service;

	private final ChildJvm jvm;

	private ServiceProcess(Service service, ChildJvm jvm) {
		this.service = service;
		this.jvm = jvm;
	}

	static ServiceProcess start(Service service, Path jar, String bootstrapServers, Map<String, String> environment,
			Path logDir) {
		ChildJvm jvm = ChildJvm.start(service.module(), service.javaArguments(jar, bootstrapServers), environment,
				logDir.resolve(service.module() + ".log"));
		return new ServiceProcess(service, jvm);
	}

	ChildJvm jvm() {
		return jvm;
	}

	void awaitReady(Instant deadline) {
		while (!isReady()) {
			if (jvm.exitsWithin(POLL)) {
				throw jvm.died();
			}
			if (Instant.now().isAfter(deadline)) {
				throw new LaunchFailed(service.module() + " was not ready at " + service.readiness() + " in time; see "
						+ jvm.log());
			}
		}
	}

	private boolean isReady() {
		HttpRequest request = HttpRequest.newBuilder(service.readiness()).timeout(Duration.ofSeconds(2)).build();
		try {
			return HTTP.send(request, BodyHandlers.discarding()).statusCode() == 200;
		}
		catch (IOException ex) {
			return false;
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new LaunchFailed("Interrupted while waiting for " + service.module());
		}
	}

}

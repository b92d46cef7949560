package news.flashwire.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * One of Flashwire's Spring Boot services: its module, the port it listens on, what it offers there, any extra
 * {@code --name=value} arguments it is started with, and options for its JVM beyond the default heap.
 */
record Service(String module, String label, int port, String endpoints, List<String> extraArgs,
		List<String> jvmOptions) {

	static final String DEFAULT_HEAP = "-Xmx384m";

	Path jar(String version) {
		return Path.of(module, "target", module + "-" + version + ".jar");
	}

	/** The JVM's arguments: the default heap, then this service's JVM options (so a later -Xmx wins), then its jar. */
	List<String> javaArguments(Path jar, String bootstrapServers) {
		List<String> arguments = new ArrayList<>();
		arguments.add(DEFAULT_HEAP);
		arguments.addAll(jvmOptions);
		arguments.addAll(List.of("-jar", jar.toString(), "--server.port=" + port,
				"--spring.kafka.bootstrap-servers=" + bootstrapServers));
		arguments.addAll(extraArgs);
		return arguments;
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	URI readiness() {
		return URI.create(url() + "/actuator/health/readiness");
	}

}

package news.flashwire.launcher;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;

/**
 * One of Flashwire's Spring Boot services: its module, the port it listens on, what it offers there, and any extra
 * {@code --name=value} arguments it is started with.
 */
record Service(String module, String label, int port, String endpoints, List<String> extraArgs) {

	Path jar(String version) {
		return Path.of(module, "target", module + "-" + version + ".jar");
	}

	String url() {
		return "http://127.0.0.1:" + port;
	}

	URI readiness() {
		return URI.create(url() + "/actuator/health/readiness");
	}

}

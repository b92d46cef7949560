package news.flashwire.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ServiceEnvironmentTests {

	@TempDir
	Path dataDir;

	@Test
	void pointsTheNewsroomPageAtTheTickerAndPushPortsAsGiven() {
		LauncherOptions options = LauncherOptions.parse("--ticker-port=18082", "--push-port=18083",
				"--data-dir=" + dataDir);

		Map<String, String> ingest = ServiceEnvironment.of(service(options, "ingest"), options);

		assertThat(ingest).containsEntry("FLASHWIRE_INGEST_NEWSROOM_TICKER_URL", "http://127.0.0.1:18082")
			.containsEntry("FLASHWIRE_INGEST_NEWSROOM_PUSH_URL", "http://127.0.0.1:18083");
	}

	@Test
	void givesIngestAndPushTheSameAuditTokenAndTheTickerNoSecret() {
		LauncherOptions options = LauncherOptions.parse("--data-dir=" + dataDir);

		String token = ServiceEnvironment.of(service(options, "ingest"), options)
			.get("FLASHWIRE_INGEST_NEWSROOM_PUSH_AUDIT_TOKEN");

		assertThat(token).isNotBlank();
		assertThat(ServiceEnvironment.of(service(options, "push"), options))
			.containsEntry("FLASHWIRE_PUSH_AUDIT_TOKENS", token);
		assertThat(ServiceEnvironment.of(service(options, "ticker"), options)).isEmpty();
	}

	private static Service service(LauncherOptions options, String label) {
		return options.services().stream().filter(service -> service.label().equals(label)).findFirst().orElseThrow();
	}
}

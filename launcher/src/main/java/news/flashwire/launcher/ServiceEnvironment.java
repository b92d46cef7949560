package news.flashwire.launcher;

import java.util.HashMap;
import java.util.Map;

/**
 * The environment each service starts with: push-service's keys, and for ingest-service where the ticker and
 * push-service run (so the newsroom page follows {@code --ticker-port} and {@code --push-port}) and the token it reads
 * push-service's audit with. Environment variables rank below arguments, so a {@code --ingest.NAME=VALUE} option
 * still overrides any of them.
 */
final class ServiceEnvironment {

	private ServiceEnvironment() {
	}

	static Map<String, String> of(Service service, LauncherOptions options) {
		if (service.label().equals("push")) {
			return LocalSecrets.forPush(options.dataDir());
		}
		if (!service.label().equals("ingest")) {
			return Map.of();
		}
		Map<String, String> environment = new HashMap<>(LocalSecrets.forIngest(options.dataDir()));
		options.services().forEach(other -> {
			if (other.label().equals("ticker")) {
				environment.put("FLASHWIRE_INGEST_NEWSROOM_TICKER_URL", other.url());
			}
			if (other.label().equals("push")) {
				environment.put("FLASHWIRE_INGEST_NEWSROOM_PUSH_URL", other.url());
			}
		});
		return Map.copyOf(environment);
	}
}

package news.flashwire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a new user does: {@code ./flashwire} from the repository root, a story in, the story on the ticker, Ctrl-C;
 * then the same again on the same data, where the story must still be.
 */
class RunCommandIntegrationTests {

	private final LocalFlashwire flashwire = new LocalFlashwire();

	@AfterEach
	void leaveNothingRunning() {
		flashwire.close();
	}

	@Test
	void runsTheSystemAndKeepsItsStoriesAcrossARestart() {
		String headline = "Launcher test headline " + UUID.randomUUID().toString().substring(0, 8);

		LocalFlashwire.Run first = flashwire.launch("first-run");
		HttpResponse<String> accepted = LocalFlashwire.postAsAfp(flashwire.ingestPort(), story(headline));
		assertThat(accepted.statusCode()).as(() -> accepted.body() + first.tail()).isEqualTo(202);
		awaitOnTheTicker(headline, first);
		first.stopAndExpectNothingLeft();

		LocalFlashwire.Run second = flashwire.launch("second-run");
		awaitOnTheTicker(headline, second);
		second.stopAndExpectNothingLeft();
	}

	private void awaitOnTheTicker(String headline, LocalFlashwire.Run run) {
		await().atMost(Duration.ofSeconds(60))
			.pollInterval(Duration.ofMillis(500))
			.failFast(run::requireAlive)
			.untilAsserted(() -> {
				HttpResponse<String> headlines = LocalFlashwire.get(flashwire.tickerPort(), "/v1/editions/en/headlines");
				assertThat(headlines.body()).as(run::tail).contains(headline);
			});
	}

	private static String story(String headline) {
		return """
				{"uri":"urn:test:launcher-%s",\
				"standard":{"name":"ninjs","version":"3.0","schema":"https://www.iptc.org/std/ninjs/ninjs-schema_3.0.json"},\
				"type":"text","language":"en","headlines":[{"role":"main","value":"%s"}],"urgency":5,\
				"firstcreated":"2026-11-29T10:00:00Z","versioncreated":"2026-11-29T10:00:00Z","version":"1"}"""
			.formatted(UUID.randomUUID(), headline);
	}
}

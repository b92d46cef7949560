package news.flashwire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;

import news.flashwire.push.delivery.webhook.WebhookReceiver;

/**
 * What a new user does: {@code ./flashwire} from the repository root, a story in, the story on the ticker, Ctrl-C;
 * then the same again on the same data, where the story must still be, and a webhook subscribed in the first run
 * still gets signed alerts in the second.
 */
class RunCommandIntegrationTests {

	private static final String ALLOW_LOCAL_WEBHOOKS = "--push.flashwire.push.webhook.allowed-networks=127.0.0.1/32";

	private final LocalFlashwire flashwire = new LocalFlashwire();

	@AfterEach
	void leaveNothingRunning() {
		flashwire.close();
	}

	@Test
	void runsTheSystemAndKeepsItsStoriesAndSubscribersAcrossARestart() throws Exception {
		String headline = "Launcher test headline " + UUID.randomUUID().toString().substring(0, 8);
		WebhookReceiver partner = new WebhookReceiver();

		LocalFlashwire.Run first = flashwire.launch("first-run", ALLOW_LOCAL_WEBHOOKS);
		HttpResponse<String> subscribed = LocalFlashwire.post(flashwire.pushPort(), "/v1/subscriptions",
				"{\"url\":\"" + partner.url() + "\",\"editions\":[\"en\"]}");
		assertThat(subscribed.statusCode()).as(subscribed::body).isEqualTo(201);
		String secret = secretOf(subscribed.body());
		HttpResponse<String> accepted = LocalFlashwire.postAsAfp(flashwire.ingestPort(), story(headline));
		assertThat(accepted.statusCode()).as(() -> accepted.body() + first.tail()).isEqualTo(202);
		awaitOnTheTicker(headline, first);
		first.stopAndExpectNothingLeft();

		LocalFlashwire.Run second = flashwire.launch("second-run", ALLOW_LOCAL_WEBHOOKS);
		awaitOnTheTicker(headline, second);
		String urgent = "Urgent after restart " + UUID.randomUUID().toString().substring(0, 8);
		assertThat(LocalFlashwire.postAsAfp(flashwire.ingestPort(), story(urgent).replace("\"urgency\":5", "\"urgency\":1"))
			.statusCode()).isEqualTo(202);
		await().atMost(Duration.ofSeconds(60))
			.until(() -> partner.received().stream().anyMatch(delivery -> delivery.body().contains(urgent)));
		WebhookReceiver.Received delivery = partner.received()
			.stream()
			.filter(received -> received.body().contains(urgent))
			.findFirst()
			.orElseThrow();
		new Webhook(secret).verify(delivery.body(), delivery.headers());
		second.stopAndExpectNothingLeft();
		partner.close();
	}

	private static String secretOf(String json) {
		Matcher matcher = Pattern.compile("\"secret\":\"([^\"]+)\"").matcher(json);
		assertThat(matcher.find()).as(json).isTrue();
		return matcher.group(1);
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

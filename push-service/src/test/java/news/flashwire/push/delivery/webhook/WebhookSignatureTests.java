package news.flashwire.push.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;

import org.junit.jupiter.api.Test;

import news.flashwire.common.event.EventJson;
import tools.jackson.databind.JsonNode;

/** Signatures match the Standard Webhooks reference vectors (resources/webhooks, see SOURCES.md there). */
class WebhookSignatureTests {

	@Test
	void signsExactlyAsTheStandardWebhooksVectors() throws Exception {
		JsonNode vectors;
		try (InputStream in = getClass().getResourceAsStream("/webhooks/standard-webhooks-vectors.json")) {
			vectors = EventJson.MAPPER.readTree(in);
		}
		assertThat(vectors.path("sign").size()).isPositive();
		for (JsonNode vector : vectors.path("sign")) {
			String signature = WebhookSignature.sign(vector.path("secret").asString(), vector.path("msg_id").asString(),
					vector.path("timestamp").asLong(), vector.path("payload").asString());

			assertThat(signature).isEqualTo(vector.path("expected_signature").asString());
		}
	}
}

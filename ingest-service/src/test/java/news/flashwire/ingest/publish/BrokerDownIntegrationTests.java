package news.flashwire.ingest.publish;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.ingest.agency.AgencyStories;

/** With no broker to acknowledge, ingest refuses with 503 and Retry-After instead of pretending it has the story. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "spring.kafka.bootstrap-servers=127.0.0.1:9", "spring.kafka.producer.properties.max.block.ms=1500",
				"flashwire.ingest.publish.retry-after=7s", "spring.kafka.admin.operation-timeout=1s",
				"spring.kafka.admin.properties.request.timeout.ms=1000",
				"spring.kafka.admin.properties.default.api.timeout.ms=1500" })
@AutoConfigureWebTestClient(timeout = "30s")
class BrokerDownIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void answersServiceUnavailableWithRetryAfterWhenTheBrokerIsDown() {
		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish(AgencyStories.uniqueUri()))
			.exchange()
			.expectStatus()
			.isEqualTo(503)
			.expectHeader()
			.valueEquals(HttpHeaders.RETRY_AFTER, "7")
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Broker unavailable");
	}

	@Test
	void reportsNotReadyWhenTheBrokerIsDown() {
		client.get().uri("/actuator/health/readiness").exchange().expectStatus().isEqualTo(503);
	}
}

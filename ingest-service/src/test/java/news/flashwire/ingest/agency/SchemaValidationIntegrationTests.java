package news.flashwire.ingest.agency;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/** The schema is a gate for the newsroom's own ninjs, and only a recorded diagnostic for a trusted agency. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class SchemaValidationIntegrationTests {

	@Autowired
	WebTestClient client;

	@Test
	void refusesANewsroomDocumentThatDoesNotMatchItsSchema() {
		post("/v1/newsroom/ninjs", "editor", invalid(AgencyStories.uniqueUri())).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Schema violation")
			.jsonPath("$.violations")
			.isNotEmpty();
	}

	@Test
	void publishesAValidNewsroomDocument() {
		String uri = AgencyStories.uniqueUri();
		post("/v1/newsroom/ninjs", "editor", AgencyStories.routineEnglish(uri).replace("Parliament", "Senate"))
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].storyId")
			.isEqualTo("newsroom:" + uri)
			.jsonPath("$.results[0].status")
			.isEqualTo("published");
	}

	@Test
	void acceptsAnInvalidDocumentFromATrustedAgencyAndCountsIt() {
		post("/v1/agencies/afp/stories", "afp", invalid(AgencyStories.uniqueUri())).expectStatus().isAccepted();

		client.get()
			.uri("/actuator/prometheus")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(String.class)
			.value(metrics -> org.assertj.core.api.Assertions.assertThat(metrics)
				.contains("flashwire_ingest_schema_violations_total{agency=\"afp\"}"));
	}

	private WebTestClient.ResponseSpec post(String path, String user, String document) {
		return client.post()
			.uri(path)
			.headers(headers -> headers.setBasicAuth(user, user + "-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(document)
			.exchange();
	}

	// ninjs 3.0 has neither "ednote" (3.x spells it editorialNote) nor an object for a note: readable, but not valid.
	private static String invalid(String uri) {
		return """
				{"uri":"%s","standard":{"name":"ninjs","version":"3.0"},"language":"en","ednote":"x",
				"headlines":[{"role":"main","value":"Schema test %s"}],"version":"1","editorialNote":{"x":1}}"""
			.formatted(uri, java.util.UUID.randomUUID());
	}
}

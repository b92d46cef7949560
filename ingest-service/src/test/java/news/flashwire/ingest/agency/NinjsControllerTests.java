package news.flashwire.ingest.agency;

import static org.mockito.Mockito.verifyNoInteractions;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.ingest.publish.StoryPublisher;

/** Bad deliveries get a problem+json answer and publish nothing. */
@WebFluxTest(NinjsController.class)
@Import(news.flashwire.ingest.system.OversizedRequests.class)
@EnableConfigurationProperties(AgencySettings.class)
class NinjsControllerTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	StoryPublisher publisher;

	@Test
	void answersMalformedJsonWithAProblem() {
		post("{\"uri\": \"urn:x\", ").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(publisher);
	}

	@Test
	void answersAStoryWithoutHeadlineWithAProblemSayingSo() {
		post("{\"uri\":\"urn:x\",\"language\":\"en\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Unreadable story")
			.jsonPath("$.detail")
			.isEqualTo("headline is required");
		verifyNoInteractions(publisher);
	}

	@Test
	void answersAnEmptyBatchWithAProblem() {
		post("[]").expectStatus().isBadRequest();
		verifyNoInteractions(publisher);
	}

	@Test
	void answersABatchWithOneBadDocumentWithAProblemAndPublishesNone() {
		post("[" + AgencyStories.routineEnglish("urn:ok") + ", {\"uri\":\"urn:bad\"}]").expectStatus().isBadRequest();
		verifyNoInteractions(publisher);
	}

	@Test
	void answersAnOversizedBodyWithAProblem() {
		String huge = AgencyStories.ninjs3("urn:big", "en", "x".repeat(2 * 1024 * 1024), 5);
		post(huge).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(publisher);
	}

	@Test
	void refusesAnAgencyNameWithPathTricks() {
		client.post()
			.uri("/v1/agencies/{agency}/stories", "AFP..")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish("urn:x"))
			.exchange()
			.expectStatus()
			.isBadRequest();
		verifyNoInteractions(publisher);
	}

	private WebTestClient.ResponseSpec post(String body) {
		return client.post()
			.uri("/v1/agencies/afp/stories")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}
}

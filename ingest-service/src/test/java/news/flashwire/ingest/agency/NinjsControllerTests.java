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

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.system.OversizedRequests;
import news.flashwire.ingest.system.SecurityConfiguration;
import news.flashwire.ingest.story.StoryLedger;

/** Bad deliveries get a problem+json answer and publish nothing. */
@WebFluxTest(NinjsController.class)
@Import({ OversizedRequests.class, SecurityConfiguration.class })
@EnableConfigurationProperties(AgencySettings.class)
class NinjsControllerTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	EmbargoHold publisher;

	@MockitoBean
	SchemaCheck schemas;

	@MockitoBean
	StoryLedger ledger;

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
	void rejectsEachBadDocumentOfABatchOnItsOwnAndPublishesNone() {
		post("[{\"uri\":\"urn:bad\"}, {\"uri\":\"urn:x\",\"language\":\"en\",\"headline\":{\"html\":1}}]")
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo("rejected")
			.jsonPath("$.results[0].problem")
			.isEqualTo("headline is required")
			.jsonPath("$.results[1].status")
			.isEqualTo("rejected");
		verifyNoInteractions(publisher);
	}

	@Test
	void answersTooManyDocumentsWithAProblem() {
		String one = "{\"uri\":\"urn:x\"}";
		post("[" + String.join(",", java.util.Collections.nCopies(501, one)) + "]").expectStatus().isBadRequest();
		ndjson(String.join("\n", java.util.Collections.nCopies(501, one)).getBytes()).expectStatus().isBadRequest();
		verifyNoInteractions(publisher);
	}

	@Test
	void answersInvalidUtf8WithAProblem() {
		byte[] body = { '{', '"', 'u', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}' };
		ndjson(body).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("the body is not valid UTF-8");
		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange()
			.expectStatus()
			.isBadRequest();
		verifyNoInteractions(publisher);
	}

	@Test
	void answersAMalformedNdjsonLineWithAProblemNamingIt() {
		ndjson((AgencyStories.routineEnglish("urn:a").replace("\n", " ") + "\n{\"uri\": ").getBytes())
			.expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("line 2 is not a JSON document");
		verifyNoInteractions(publisher);
	}

	@Test
	void answersAnOversizedDocumentWithAProblem() {
		String huge = AgencyStories.ninjs3("urn:big", "en", "x".repeat(2 * 1024 * 1024), 5);
		post(huge).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Document too large")
			.jsonPath("$.maxBytes")
			.isEqualTo(1024 * 1024);
		verifyNoInteractions(publisher);
	}

	@Test
	void rejectsOnlyTheOversizedDocumentOfABatchLargerThanOneDocument() {
		publishesWhatItIsGiven();
		String oversized = withBodyText(AgencyStories.routineEnglish("urn:big"), 1024 * 1024);
		String almostOneMebibyte = withBodyText(AgencyStories.routineEnglish("urn:large"), 1000 * 1024);
		String small = AgencyStories.routineEnglish("urn:small");

		post("[" + oversized + "," + almostOneMebibyte + "," + small + "]").expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].status")
			.isEqualTo("rejected")
			.jsonPath("$.results[0].problem")
			.isEqualTo("the document is larger than 1048576 bytes")
			.jsonPath("$.results[1].storyId")
			.isEqualTo("afp:urn:large")
			.jsonPath("$.results[2].storyId")
			.isEqualTo("afp:urn:small");
	}

	@Test
	void rejectsOnlyTheOversizedLineOfAnNdjsonBatch() {
		publishesWhatItIsGiven();
		String oversized = withBodyText(AgencyStories.routineEnglish("urn:big"), 1024 * 1024).replace("\n", " ");
		String small = AgencyStories.routineEnglish("urn:small").replace("\n", " ");

		ndjson((small + "\n" + oversized + "\r\n").getBytes()).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].storyId")
			.isEqualTo("afp:urn:small")
			.jsonPath("$.results[1].problem")
			.isEqualTo("the document is larger than 1048576 bytes");
	}

	@Test
	void answersABatchOverTheRequestLimitWithAProblem() {
		String large = withBodyText(AgencyStories.routineEnglish("urn:large"), 1000 * 1024);
		post("[" + String.join(",", java.util.Collections.nCopies(9, large)) + "]").expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Request too large");
		verifyNoInteractions(publisher);
	}

	// The story text: large, and never read into a story.
	private static String withBodyText(String document, int length) {
		return document.replaceFirst("\\{", "{\"body_text\":\"" + "y".repeat(length) + "\",");
	}

	private void publishesWhatItIsGiven() {
		PublishingHold.publishesWhatItIsGiven(publisher);
	}

	@Test
	void answersAMissingCredentialWith401AndAProblem() {
		client.post()
			.uri("/v1/agencies/afp/stories")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish("urn:x"))
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.exists("WWW-Authenticate");
		verifyNoInteractions(publisher);
	}

	@Test
	void answersAWrongPasswordWith401() {
		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "guess"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish("urn:x"))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		verifyNoInteractions(publisher);
	}

	@Test
	void refusesAnAgencyPostingAsAnotherWith403() {
		client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("reuters", "reuters-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish("urn:x"))
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Forbidden");
		verifyNoInteractions(publisher);
	}

	@Test
	void refusesAnEditorPostingAsAnAgencyWith403() {
		client.post()
			.uri("/v1/agencies/editor/stories")
			.headers(headers -> headers.setBasicAuth("editor", "editor-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish("urn:x"))
			.exchange()
			.expectStatus()
			.isForbidden();
		verifyNoInteractions(publisher);
	}

	@Test
	void refusesAnAgencyNameWithPathTricks() {
		client.post()
			.uri("/v1/agencies/{agency}/stories", "AFP..")
			.headers(headers -> headers.setBasicAuth("AFP..", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.routineEnglish("urn:x"))
			.exchange()
			.expectStatus()
			.is4xxClientError();
		verifyNoInteractions(publisher);
	}

	private WebTestClient.ResponseSpec ndjson(byte[] body) {
		return client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.parseMediaType("application/x-ndjson"))
			.bodyValue(body)
			.exchange();
	}

	private WebTestClient.ResponseSpec post(String body) {
		return client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}
}

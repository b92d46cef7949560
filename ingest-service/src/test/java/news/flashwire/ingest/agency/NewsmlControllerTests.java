package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.verifyNoInteractions;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.embargo.Submission;
import news.flashwire.ingest.system.OversizedRequests;
import news.flashwire.ingest.system.SecurityConfiguration;

/** NewsML-G2 deliveries: read into stories, or answered with a problem+json and nothing published. */
@WebFluxTest(NewsmlController.class)
@Import({ OversizedRequests.class, SecurityConfiguration.class })
@EnableConfigurationProperties(AgencySettings.class)
class NewsmlControllerTests {

	private static final MediaType NEWS_ITEM = MediaType.parseMediaType(NewsmlController.NEWS_ITEM);

	@Autowired
	WebTestClient client;

	@MockitoBean
	EmbargoHold hold;

	@BeforeEach
	void publishesWhatItIsGiven() {
		PublishingHold.publishesWhatItIsGiven(hold);
	}

	@Test
	void acceptsTheGuidelinesNewsItemAsAStoryOfTheAgency() {
		post(NEWS_ITEM, NewsmlStories.iptc("LISTING_1_A_NewsML-G2_News_Item.xml")).expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].storyId")
			.isEqualTo("afp:urn:newsml:acmenews.com:20161018:US-FINANCE-FED")
			.jsonPath("$.results[0].status")
			.isEqualTo("published");

		@SuppressWarnings("unchecked")
		ArgumentCaptor<List<Submission>> batch = ArgumentCaptor.forClass(List.class);
		verify(hold).submitAll(batch.capture());
		assertThat(batch.getValue().get(0).embargo().until()).hasToString("2018-10-23T12:00:00Z");
	}

	@Test
	void acceptsPlainApplicationXml() {
		post(MediaType.APPLICATION_XML, NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Headline", 5))
			.expectStatus()
			.isAccepted();
	}

	@Test
	void answersEachItemOfANewsMessage() {
		String good = NewsmlStories.newsItem("urn:good", "en", "Parliament approves the budget", 5);
		String noHeadline = NewsmlStories.newsItem("urn:bad", "en", " ", 5);

		post(MediaType.parseMediaType(NewsmlController.NEWS_MESSAGE), NewsmlStories.newsMessage(good, noHeadline))
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results.length()")
			.isEqualTo(2)
			.jsonPath("$.results[0].storyId")
			.isEqualTo("afp:urn:good")
			.jsonPath("$.results[1].status")
			.isEqualTo("rejected")
			.jsonPath("$.results[1].problem")
			.isEqualTo("headline is required");
	}

	@Test
	void answersAnXxeWithAProblemPublishesNothingAndKeepsServing() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<newsItem guid="g" xml:lang="en"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>""";

		post(NEWS_ITEM, xxe).expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Unreadable story")
			.jsonPath("$.detail")
			.isEqualTo("the body is not well-formed XML without a DOCTYPE");
		verifyNoInteractions(hold);

		post(NEWS_ITEM, NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Still serving", 5)).expectStatus()
			.isAccepted();
	}

	@Test
	void answersABillionLaughsMalformedXmlAndAWrongRootWith400() {
		String bomb = """
				<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol1 "&lol;&lol;&lol;&lol;&lol;">
				<!ENTITY lol2 "&lol1;&lol1;&lol1;&lol1;&lol1;">]><newsItem guid="g">&lol2;</newsItem>""";

		post(NEWS_ITEM, bomb).expectStatus().isBadRequest();
		post(NEWS_ITEM, "<newsItem guid=\"g\"><itemMeta>").expectStatus().isBadRequest();
		post(NEWS_ITEM, "<rss version=\"2.0\"><channel/></rss>").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(hold);
	}

	@Test
	void answersAnItemWithoutGuidWithAProblemSayingSo() {
		String item = NewsmlStories.newsItem("urn:x", "en", "Headline", 5).replace(" guid=\"urn:x\"", "");

		post(NEWS_ITEM, item).expectStatus()
			.isBadRequest()
			.expectBody()
			.jsonPath("$.detail")
			.isEqualTo("guid is required");
		verifyNoInteractions(hold);
	}

	@Test
	void answersAnItemOverTheDocumentLimitWith413() {
		String huge = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "x".repeat(1024 * 1024 + 1), 5);

		post(NEWS_ITEM, huge).expectStatus()
			.isEqualTo(413)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.title")
			.isEqualTo("Document too large");
		verifyNoInteractions(hold);
	}

	@Test
	void answersABodyOverTheRequestLimitWith413() {
		String huge = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "x".repeat(9 * 1024 * 1024), 5);

		post(NEWS_ITEM, huge).expectStatus().isEqualTo(413).expectBody().jsonPath("$.title").isEqualTo("Request too large");
		verifyNoInteractions(hold);
	}

	@Test
	void answersAnotherMediaTypeWith415() {
		post(MediaType.TEXT_PLAIN, "<newsItem guid=\"g\"/>").expectStatus()
			.isEqualTo(415)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		verifyNoInteractions(hold);
	}

	@Test
	void answersAMissingCredentialWith401() {
		client.post()
			.uri("/v1/agencies/afp/stories")
			.contentType(NEWS_ITEM)
			.bodyValue(NewsmlStories.newsItem("urn:x", "en", "Headline", 5))
			.exchange()
			.expectStatus()
			.isUnauthorized();
		verifyNoInteractions(hold);
	}

	private WebTestClient.ResponseSpec post(MediaType type, String body) {
		return post(type, body.getBytes(StandardCharsets.UTF_8));
	}

	private WebTestClient.ResponseSpec post(MediaType type, byte[] body) {
		return client.post()
			.uri("/v1/agencies/afp/stories")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(type)
			.bodyValue(body)
			.exchange();
	}
}

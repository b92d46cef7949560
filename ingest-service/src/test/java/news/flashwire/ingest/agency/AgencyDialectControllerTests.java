package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verify;

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
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.system.OversizedRequests;
import news.flashwire.ingest.system.SecurityConfiguration;
import news.flashwire.ingest.story.StoryLedger;

/** An agency configured with a dialect posts in its own field names; another agency's documents are read as ninjs. */
@WebFluxTest(controllers = NinjsController.class,
		properties = { "flashwire.ingest.agency.sources.reuters.dialect.renamed.guid=uri",
				"flashwire.ingest.agency.sources.reuters.dialect.renamed.title=headline",
				"flashwire.ingest.agency.sources.reuters.dialect.defaults.language=ar" })
@Import({ OversizedRequests.class, SecurityConfiguration.class, SchemaCheck.class,
		io.micrometer.core.instrument.simple.SimpleMeterRegistry.class })
@EnableConfigurationProperties(AgencySettings.class)
class AgencyDialectControllerTests {

	@Autowired
	WebTestClient client;

	@MockitoBean
	EmbargoHold hold;

	@MockitoBean
	StoryLedger ledger;

	@BeforeEach
	void publishes() {
		PublishingHold.publishesWhatItIsGiven(hold);
	}

	@Test
	void readsTheAgencysDialect() {
		post("reuters", "{\"guid\":\"urn:r:1\",\"title\":\"زلزال يضرب جنوب تركيا\",\"version\":\"1\"}").expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].storyId")
			.isEqualTo("reuters:urn:r:1");

		ArgumentCaptor<IncomingStory> story = ArgumentCaptor.forClass(IncomingStory.class);
		verify(hold).submit(story.capture(), any());
		assertThat(story.getValue().story().headline()).isEqualTo("زلزال يضرب جنوب تركيا");
		assertThat(story.getValue().story().language()).isEqualTo("ar");
	}

	@Test
	void readsEachDocumentOfABatchInTheDialect() {
		post("reuters", "[{\"guid\":\"urn:r:2\",\"title\":\"First\"},{\"guid\":\"urn:r:3\",\"title\":\"Second\"}]")
			.expectStatus()
			.isAccepted()
			.expectBody()
			.jsonPath("$.results[0].storyId")
			.isEqualTo("reuters:urn:r:2")
			.jsonPath("$.results[1].storyId")
			.isEqualTo("reuters:urn:r:3");
	}

	@Test
	void readsAnotherAgencyAsPlainNinjs() {
		post("afp", "{\"guid\":\"urn:a:1\",\"title\":\"Quake\",\"language\":\"en\"}").expectStatus()
			.isBadRequest()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	private WebTestClient.ResponseSpec post(String agency, String body) {
		return client.post()
			.uri("/v1/agencies/{agency}/stories", agency)
			.headers(headers -> headers.setBasicAuth(agency, agency + "-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}
}

package news.flashwire.ingest.newsroom;

import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.mockito.Mockito.when;

import java.time.Instant;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.test.context.bean.override.mockito.MockitoBean;
import org.springframework.test.web.reactive.server.WebTestClient;

import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.publish.StoryPublisher;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.StoryLedger;
import news.flashwire.ingest.story.StoryState;
import news.flashwire.ingest.system.SecurityConfiguration;
import reactor.core.publisher.Mono;

/**
 * An Idempotency-Key this instance does not remember (after a restart, or first used at another instance): the item's
 * unchanged first version in the ledger decides between the same item and another one.
 */
@WebFluxTest(NewsroomController.class)
@Import(SecurityConfiguration.class)
@EnableConfigurationProperties(IdempotencySettings.class)
class NewsroomControllerTests {

	private static final String POSTED = """
			{"headline":"زلزال بقوة 6.1 درجة يضرب جنوب تركيا","edition":"ar","urgency":"breaking"}""";

	@Autowired
	WebTestClient client;

	@MockitoBean
	StoryPublisher publisher;

	@MockitoBean
	StoryLedger ledger;

	@MockitoBean
	EmbargoHold hold;

	@Test
	void answersAnotherItemUnderAKeyOnlyTheLedgerKnowsWith422() {
		ledgerHasTheFirstVersion();

		post(POSTED.replace("6.1", "7.1"), "k-restart").expectStatus()
			.isEqualTo(422)
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody()
			.jsonPath("$.type")
			.isEqualTo("https://flashwire.news/problems/idempotency-key-reused");
		verifyNoInteractions(hold);
	}

	@Test
	void answersTheSameItemUnderAKeyOnlyTheLedgerKnowsAsADuplicate() {
		ledgerHasTheFirstVersion();
		when(hold.submit(any(), any())).thenAnswer(
				call -> Mono.just(Outcome.of(new StoryId("newsroom:same"), 1, "duplicate")));

		post(POSTED, "k-restart").expectStatus().isOk().expectBody().jsonPath("$.status").isEqualTo("duplicate");
	}

	private void ledgerHasTheFirstVersion() {
		NewsroomItem posted = new NewsroomItem("زلزال بقوة 6.1 درجة يضرب جنوب تركيا", "ar", "breaking", null, null, null);
		when(ledger.state(any()))
			.thenReturn(Optional.of(new StoryState(1, 1, false, NewsroomStories.from(posted), Instant.now())));
	}

	private WebTestClient.ResponseSpec post(String body, String key) {
		return client.post()
			.uri("/v1/newsroom/items")
			.headers(headers -> {
				headers.setBasicAuth("editor", "editor-secret");
				headers.set("Idempotency-Key", key);
			})
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body)
			.exchange();
	}
}

package news.flashwire.ingest.desk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.reactive.server.SecurityMockServerConfigurers.csrf;

import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.webflux.autoconfigure.WebSessionIdResolverAutoConfiguration;
import org.springframework.boot.webflux.test.autoconfigure.WebFluxTest;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.BodyInserters;

import news.flashwire.ingest.system.SecurityConfiguration;

/**
 * The page's session rules beside the Basic API: an editor signs in to an HttpOnly, SameSite=Strict session whose
 * state-changing calls need the CSRF token; agencies, wrong passwords and forged posts are refused; Basic calls work
 * as before, without any token.
 */
@WebFluxTest(controllers = { DeskConfigController.class, DeskSecurityTests.Items.class })
@Import({ SecurityConfiguration.class, DeskSecurity.class, DeskPage.class, DeskSecurityTests.Items.class })
@ImportAutoConfiguration(WebSessionIdResolverAutoConfiguration.class)
@EnableConfigurationProperties(DeskSettings.class)
class DeskSecurityTests {

	private static final String COOKIE = "FLASHWIRE_SESSION";

	private static final String ITEM = "{\"headline\":\"عاجل\",\"edition\":\"ar\"}";

	@Autowired
	WebTestClient client;

	@Test
	void signsAnEditorInToAnHttpOnlyStrictSessionWithANewId() {
		Page anonymous = open();
		EntityExchangeResult<byte[]> signedIn = signIn(anonymous, "editor", "editor-secret").expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.user")
			.isEqualTo("editor")
			.returnResult();

		ResponseCookie cookie = signedIn.getResponseCookies().getFirst(COOKIE);
		assertThat(cookie).isNotNull();
		assertThat(cookie.isHttpOnly()).isTrue();
		assertThat(cookie.getSameSite()).isEqualTo("Strict");
		assertThat(cookie.isSecure()).as("Secure only over TLS").isFalse();
		assertThat(cookie.getValue()).as("a new session id after sign-in").isNotEqualTo(anonymous.session());
	}

	@Test
	void refusesAWrongPassword() {
		signIn(open(), "editor", "wrong").expectStatus()
			.isUnauthorized()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectHeader()
			.doesNotExist("WWW-Authenticate");
	}

	@Test
	void refusesAnAgencyOnThePage() {
		signIn(open(), "afp", "afp-secret").expectStatus().isUnauthorized();
	}

	@Test
	void refusesASignInWithoutCsrfToken() {
		Page page = open();
		client.post()
			.uri("/newsroom/login")
			.cookie(COOKIE, page.session())
			.body(BodyInserters.fromFormData("username", "editor").with("password", "editor-secret"))
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void refusesASessionPostWithoutCsrfTokenAndTakesItWithIt() {
		Page page = signedIn();
		client.post()
			.uri("/v1/newsroom/items")
			.cookie(COOKIE, page.session())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ITEM)
			.exchange()
			.expectStatus()
			.isForbidden()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);

		client.post()
			.uri("/v1/newsroom/items")
			.cookie(COOKIE, page.session())
			.header(page.csrfHeader(), page.csrfToken())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ITEM)
			.exchange()
			.expectStatus()
			.isCreated();
	}

	@Test
	void letsASessionReadItemsWithoutToken() {
		Page page = signedIn();
		client.get().uri("/v1/newsroom/items").cookie(COOKIE, page.session()).exchange().expectStatus().isOk();
	}

	@Test
	void refusesAForgedPostWithAnAnonymousSession() {
		Page page = open();
		client.mutateWith(csrf())
			.post()
			.uri("/v1/newsroom/items")
			.cookie(COOKIE, page.session())
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ITEM)
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void endsTheSessionOnSignOut() {
		Page page = signedIn();
		client.post()
			.uri("/newsroom/logout")
			.cookie(COOKIE, page.session())
			.header(page.csrfHeader(), page.csrfToken())
			.exchange()
			.expectStatus()
			.isNoContent();
		client.get().uri("/v1/newsroom/items").cookie(COOKIE, page.session()).exchange().expectStatus().isUnauthorized();
	}

	/** The session is the page's only: on any other call it signs nobody in, so no CSRF-free way opens with it. */
	@Test
	void signsNobodyInWithTheSessionOnTheBasicApi() {
		Page page = signedIn();
		client.post()
			.uri("/v1/newsroom/items")
			.cookie(COOKIE, page.session())
			.header("Authorization", "Bearer forged")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ITEM)
			.exchange()
			.expectStatus()
			.isUnauthorized();
		client.post()
			.uri("/v1/admin/credentials/reuters/disable")
			.cookie(COOKIE, page.session())
			.exchange()
			.expectStatus()
			.isUnauthorized();
	}

	@Test
	void keepsTheBasicApiWithoutCsrfOrSession() {
		client.post()
			.uri("/v1/newsroom/items")
			.headers(headers -> headers.setBasicAuth("editor", "editor-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ITEM)
			.exchange()
			.expectStatus()
			.isCreated()
			.expectHeader()
			.doesNotExist("Set-Cookie");
		client.post()
			.uri("/v1/newsroom/items")
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ITEM)
			.exchange()
			.expectStatus()
			.isUnauthorized()
			.expectHeader()
			.valueEquals("WWW-Authenticate", "Basic realm=\"flashwire\"");
		client.post()
			.uri("/v1/newsroom/items")
			.headers(headers -> headers.setBasicAuth("afp", "afp-secret"))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(ITEM)
			.exchange()
			.expectStatus()
			.isForbidden();
	}

	@Test
	void servesThePageWithAPolicyAllowingOnlyTheTicker() {
		client.get()
			.uri("/newsroom/")
			.exchange()
			.expectStatus()
			.isOk()
			.expectHeader()
			.contentTypeCompatibleWith(MediaType.TEXT_HTML)
			.expectHeader()
			.valueMatches("Content-Security-Policy",
					".*script-src 'self' http://127\\.0\\.0\\.1:8082;.*connect-src 'self' http://127\\.0\\.0\\.1:8082;.*");
	}

	@Test
	void toldThePageWhereTheTickerIsAndNothingOfPushService() {
		client.get()
			.uri("/newsroom/config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody()
			.jsonPath("$.tickerUrl")
			.isEqualTo("http://127.0.0.1:8082")
			.jsonPath("$.pushUrl")
			.doesNotExist()
			.jsonPath("$.pushAuditToken")
			.doesNotExist()
			.jsonPath("$.user")
			.doesNotExist()
			.jsonPath("$.csrf.token")
			.isNotEmpty();
	}

	private Page signedIn() {
		Page page = open();
		String session = signIn(page, "editor", "editor-secret").expectStatus()
			.isOk()
			.expectBody()
			.returnResult()
			.getResponseCookies()
			.getFirst(COOKIE)
			.getValue();
		return new Page(session, page.csrfHeader(), page.csrfToken());
	}

	private Page open() {
		EntityExchangeResult<Map> config = client.get()
			.uri("/newsroom/config")
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(Map.class)
			.returnResult();
		Map<?, ?> csrf = (Map<?, ?>) config.getResponseBody().get("csrf");
		return new Page(config.getResponseCookies().getFirst(COOKIE).getValue(), (String) csrf.get("headerName"),
				(String) csrf.get("token"));
	}

	private WebTestClient.ResponseSpec signIn(Page page, String name, String password) {
		return client.post()
			.uri("/newsroom/login")
			.cookie(COOKIE, page.session())
			.header(page.csrfHeader(), page.csrfToken())
			.body(BodyInserters.fromFormData("username", name).with("password", password))
			.exchange();
	}

	private record Page(String session, String csrfHeader, String csrfToken) {
	}

	/** Stands in for the newsroom API, whose own rules its tests check. */
	@RestController
	static class Items {

		@PostMapping("/v1/newsroom/items")
		ResponseEntity<String> post() {
			return ResponseEntity.status(HttpStatus.CREATED).body("{}");
		}

		@GetMapping("/v1/newsroom/items")
		String recent() {
			return "[]";
		}
	}
}

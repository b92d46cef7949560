package news.flashwire.ingest.credential;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webtestclient.autoconfigure.AutoConfigureWebTestClient;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;

import news.flashwire.ingest.agency.AgencyStories;

/** An admin makes, rotates, disables and deletes credentials; each change holds at once for posts on this instance. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@AutoConfigureWebTestClient
class CredentialAdminIntegrationTests {

	private static final String SESSION = "FLASHWIRE_SESSION";

	WebTestClient client;

	// The first change also starts the instance's transactional producer: on a busy machine that takes seconds.
	@Autowired
	void client(WebTestClient client) {
		this.client = client.mutate().responseTimeout(Duration.ofSeconds(30)).build();
	}

	@Test
	void anAgencyCredentialMadeByAnAdminPostsAsItselfOnly() {
		String agency = freshName();
		CredentialView made = create(agency, "agency", null).expectStatus()
			.isCreated()
			.expectHeader()
			.valueEquals(HttpHeaders.LOCATION, "/v1/admin/credentials/" + agency)
			.expectHeader()
			.cacheControl(org.springframework.http.CacheControl.noStore())
			.expectBody(CredentialView.class)
			.returnResult()
			.getResponseBody();

		assertThat(made.roles()).containsExactly("agency");
		assertThat(made.state()).isEqualTo("active");
		assertThat(made.secret()).hasSize(43);
		post(agency, agency, made.secret()).expectStatus().isAccepted();
		post("afp", agency, made.secret()).expectStatus().isForbidden();
		client.get().uri("/v1/admin/credentials").headers(as(agency, made.secret())).exchange().expectStatus().isForbidden();
	}

	@Test
	void aRotatedSecretIsRefusedAtOnceAndTheNewOneWorks() {
		String agency = freshName();
		String old = secretOf(create(agency, "agency", null));
		post(agency, agency, old).expectStatus().isAccepted();

		String rotated = client.post()
			.uri("/v1/admin/credentials/{name}/rotate", agency)
			.headers(asAdmin())
			.exchange()
			.expectStatus()
			.isOk()
			.expectBody(CredentialView.class)
			.returnResult()
			.getResponseBody()
			.secret();

		assertThat(rotated).isNotEqualTo(old);
		post(agency, agency, old).expectStatus().isUnauthorized();
		post(agency, agency, rotated).expectStatus().isAccepted();
	}

	@Test
	void aDisabledOrDeletedCredentialIsRefusedAtOnce() {
		String agency = freshName();
		String secret = secretOf(create(agency, "agency", null));
		post(agency, agency, secret).expectStatus().isAccepted();

		client.post().uri("/v1/admin/credentials/{name}/disable", agency).headers(asAdmin()).exchange()
			.expectStatus().isOk()
			.expectBody().jsonPath("$.state").isEqualTo("disabled");
		post(agency, agency, secret).expectStatus().isUnauthorized();

		client.post().uri("/v1/admin/credentials/{name}/enable", agency).headers(asAdmin()).exchange()
			.expectStatus().isOk();
		post(agency, agency, secret).expectStatus().isAccepted();

		client.delete().uri("/v1/admin/credentials/{name}", agency).headers(asAdmin()).exchange()
			.expectStatus().isNoContent();
		post(agency, agency, secret).expectStatus().isUnauthorized()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		client.get().uri("/v1/admin/credentials/{name}", agency).headers(asAdmin()).exchange()
			.expectStatus().isNotFound();
	}

	@Test
	void anEditorMadeByAnAdminPostsUrgentItemsAndMayNotManageCredentials() {
		String editor = freshName();
		String secret = "correct horse battery staple " + UUID.randomUUID();
		create(editor, "editor", secret).expectStatus()
			.isCreated()
			.expectBody()
			.jsonPath("$.secret")
			.doesNotExist();

		client.post().uri("/v1/newsroom/items").headers(as(editor, secret)).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("headline", "Budget vote " + UUID.randomUUID(), "edition", "en", "urgency", "urgent"))
			.exchange()
			.expectStatus().isCreated();
		post(editor, editor, secret).expectStatus().isForbidden();
		client.get().uri("/v1/admin/credentials").headers(as(editor, secret)).exchange()
			.expectStatus().isForbidden()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void aNewsroomPageSessionEndsWhenItsCredentialIsDisabled() {
		String editor = freshName();
		String secret = "correct horse battery staple " + UUID.randomUUID();
		create(editor, "editor", secret).expectStatus().isCreated();
		EntityExchangeResult<Map> page = client.get().uri("/newsroom/config").exchange()
			.expectStatus().isOk()
			.expectBody(Map.class).returnResult();
		Map<?, ?> csrf = (Map<?, ?>) page.getResponseBody().get("csrf");
		String session = client.post().uri("/newsroom/login")
			.cookie(SESSION, page.getResponseCookies().getFirst(SESSION).getValue())
			.header((String) csrf.get("headerName"), (String) csrf.get("token"))
			.body(BodyInserters.fromFormData("username", editor).with("password", secret))
			.exchange()
			.expectStatus().isOk()
			.expectBody().returnResult()
			.getResponseCookies().getFirst(SESSION).getValue();
		client.get().uri("/v1/newsroom/items").cookie(SESSION, session).exchange().expectStatus().isOk()
			.expectBody().returnResult();

		client.post().uri("/v1/admin/credentials/{name}/disable", editor).headers(asAdmin()).exchange()
			.expectStatus().isOk();

		client.get().uri("/v1/newsroom/items").cookie(SESSION, session).exchange().expectStatus().isUnauthorized();
	}

	@Test
	void onlyAnAdminManagesCredentials() {
		client.get().uri("/v1/admin/credentials").exchange().expectStatus().isUnauthorized();
		client.get().uri("/v1/admin/credentials").headers(as("admin", "wrong")).exchange().expectStatus().isUnauthorized();
		client.get().uri("/v1/admin/credentials").headers(as("afp", "afp-secret")).exchange().expectStatus().isForbidden();
		client.get().uri("/v1/admin/credentials").headers(as("editor", "editor-secret")).exchange()
			.expectStatus().isForbidden();
		client.post().uri("/v1/admin/credentials").headers(as("afp", "afp-secret")).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(Map.of("name", freshName(), "role", "admin")).exchange()
			.expectStatus().isForbidden();
	}

	@Test
	void listsCredentialsWithoutSecretsOrHashes() {
		String agency = freshName();
		String secret = secretOf(create(agency, "agency", null));

		String listed = client.get().uri("/v1/admin/credentials").headers(asAdmin()).exchange()
			.expectStatus().isOk()
			.expectBody(String.class).returnResult().getResponseBody();

		assertThat(listed).contains("\"name\":\"" + agency + "\"", "\"source\":\"api\"", "\"source\":\"configuration\"")
			.doesNotContain(secret, "$2a$", "bcrypt", "secret\"", "hash");
	}

	@Test
	void configuredCredentialsStayAsConfigured() {
		create("admin", "agency", null).expectStatus().isEqualTo(409)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		client.delete().uri("/v1/admin/credentials/admin").headers(asAdmin()).exchange().expectStatus().isEqualTo(409);
		client.post().uri("/v1/admin/credentials/afp/rotate").headers(asAdmin()).exchange().expectStatus().isEqualTo(409);
		client.post().uri("/v1/admin/credentials/afp/disable").headers(asAdmin()).exchange().expectStatus().isEqualTo(409);

		post("afp", "afp", "afp-secret").expectStatus().isAccepted();
	}

	@Test
	void refusesATakenNameAndAnswersUnknownNamesWith404() {
		String agency = freshName();
		create(agency, "agency", null).expectStatus().isCreated();

		create(agency, "editor", null).expectStatus().isEqualTo(409);
		client.post().uri("/v1/admin/credentials/{name}/rotate", freshName()).headers(asAdmin()).exchange()
			.expectStatus().isNotFound();
		client.delete().uri("/v1/admin/credentials/{name}", "No Such Name").headers(asAdmin()).exchange()
			.expectStatus().isNotFound()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
	}

	@Test
	void refusesBadNamesRolesAndWeakSecretsWith400() {
		String name = freshName();
		for (String bad : new String[] { "", "AFP", "../admin", "afp:1", "-afp", "a".repeat(41), "afp\n", "وكالة",
				"afp%20x" }) {
			refused(Map.of("name", bad, "role", "agency"));
		}
		refused(Map.of("role", "agency"));
		refused(Map.of("name", name));
		refused(Map.of("name", name, "role", "root"));
		refused(Map.of("name", name, "role", "ROLE_ADMIN"));
		refused(Map.of("name", name, "role", "agency", "secret", "short"));
		refused(Map.of("name", name, "role", "agency", "secret", "aaaaaaaaaaaaaaaaaaaaaaaaaaaaa"));
		refused(Map.of("name", name, "role", "agency", "secret", "my-" + name + "-is-my-password"));
		refused(Map.of("name", name, "role", "agency", "secret", "Zx9!qL2#wE5$rT8%yU1^".repeat(4)));
		refused(Map.of("name", name, "role", "agency", "secret", "Zx9!qL2#wE5$\u0000rT8%yU1^"));

		client.get().uri("/v1/admin/credentials/{name}", name).headers(asAdmin()).exchange().expectStatus().isNotFound();
	}

	@Test
	void refusesMalformedAndHostileBodies() {
		for (String body : new String[] { "", "{", "[]", "\"admin\"", "{\"name\":[\"x\"],\"role\":\"agency\"}",
				"{\"name\":\"x\",\"role\":{\"$gt\":\"\"}}", "[".repeat(5_000) + "]".repeat(5_000) }) {
			client.post().uri("/v1/admin/credentials").headers(asAdmin()).contentType(MediaType.APPLICATION_JSON)
				.bodyValue(body).exchange()
				.expectStatus().isBadRequest()
				.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		}
		String huge = "{\"name\":\"" + freshName() + "\",\"role\":\"agency\",\"x\":\"" + "x".repeat(2 * 1024 * 1024) + "\"}";
		client.post().uri("/v1/admin/credentials").headers(asAdmin()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(huge).exchange()
			.expectStatus().isEqualTo(413)
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
		client.post().uri("/v1/admin/credentials").headers(asAdmin()).contentType(MediaType.TEXT_PLAIN)
			.bodyValue("name=x").exchange()
			.expectStatus().isEqualTo(415);

		client.get().uri("/v1/admin/credentials").headers(asAdmin()).exchange().expectStatus().isOk()
			.expectBody().returnResult();
	}

	private void refused(Map<String, String> body) {
		client.post().uri("/v1/admin/credentials").headers(asAdmin()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange()
			.expectStatus().isBadRequest()
			.expectHeader().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
			.expectBody().jsonPath("$.title").isEqualTo("Credential unacceptable");
	}

	private WebTestClient.ResponseSpec create(String name, String role, String secret) {
		Map<String, String> body = secret == null ? Map.of("name", name, "role", role)
				: Map.of("name", name, "role", role, "secret", secret);
		return client.post().uri("/v1/admin/credentials").headers(asAdmin()).contentType(MediaType.APPLICATION_JSON)
			.bodyValue(body).exchange();
	}

	private WebTestClient.ResponseSpec post(String path, String name, String secret) {
		String uri = AgencyStories.uniqueUri();
		return client.post().uri("/v1/agencies/{agency}/stories", path).headers(as(name, secret))
			.contentType(MediaType.APPLICATION_JSON)
			.bodyValue(AgencyStories.ninjs3(uri, "en", "Budget vote " + UUID.randomUUID(), 5))
			.exchange();
	}

	static String secretOf(WebTestClient.ResponseSpec created) {
		return created.expectStatus().isCreated().expectBody(CredentialView.class).returnResult().getResponseBody().secret();
	}

	static String freshName() {
		return "agency-" + UUID.randomUUID().toString().substring(0, 8);
	}

	static java.util.function.Consumer<HttpHeaders> asAdmin() {
		return as("admin", "admin-secret");
	}

	static java.util.function.Consumer<HttpHeaders> as(String name, String secret) {
		return headers -> headers.setBasicAuth(name, secret);
	}
}

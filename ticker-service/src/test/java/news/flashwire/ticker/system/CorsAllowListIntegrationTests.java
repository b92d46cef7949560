package news.flashwire.ticker.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.reactive.function.client.WebClient;

/** With an allow-list, only the listed sites may read the ticker from their pages: the JSON view and the stream alike. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "flashwire.ticker.editions=ar-cors",
				"flashwire.ticker.cors.allowed-origins=https://news.example,https://blog.example" })
class CorsAllowListIntegrationTests {

	@LocalServerPort
	int port;

	@Test
	void answersAListedSiteWithItsOwnOrigin() {
		ResponseEntity<Void> headlines = get("/v1/editions/ar-cors/headlines", "https://blog.example");

		assertThat(headlines.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(headlines.getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://blog.example");
		assertThat(headlines.getHeaders().getAccessControlAllowCredentials()).isFalse();
	}

	@Test
	void refusesASiteNotOnTheList() {
		ResponseEntity<Void> headlines = get("/v1/editions/ar-cors/headlines", "https://elsewhere.example");

		assertThat(headlines.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
		assertThat(headlines.getHeaders().getAccessControlAllowOrigin()).isNull();
	}

	@Test
	void letsAListedSiteResumeTheStreamWithLastEventId() {
		ResponseEntity<Void> preflight = client().method(HttpMethod.OPTIONS)
			.uri("/v1/editions/ar-cors/stream")
			.header("Origin", "https://news.example")
			.header("Access-Control-Request-Method", "GET")
			.header("Access-Control-Request-Headers", "last-event-id")
			.exchangeToMono(response -> response.toBodilessEntity())
			.block(Duration.ofSeconds(10));
		ResponseEntity<Void> refused = client().method(HttpMethod.OPTIONS)
			.uri("/v1/editions/ar-cors/stream")
			.header("Origin", "https://elsewhere.example")
			.header("Access-Control-Request-Method", "GET")
			.exchangeToMono(response -> response.toBodilessEntity())
			.block(Duration.ofSeconds(10));

		assertThat(preflight.getStatusCode()).isEqualTo(HttpStatus.OK);
		assertThat(preflight.getHeaders().getAccessControlAllowOrigin()).isEqualTo("https://news.example");
		assertThat(preflight.getHeaders().getAccessControlAllowHeaders()).anyMatch("last-event-id"::equalsIgnoreCase);
		assertThat(preflight.getHeaders().getAccessControlAllowMethods()).contains(HttpMethod.GET)
			.doesNotContain(HttpMethod.POST);
		assertThat(refused.getStatusCode()).isEqualTo(HttpStatus.FORBIDDEN);
	}

	private ResponseEntity<Void> get(String path, String origin) {
		return client().get()
			.uri(path)
			.header("Origin", origin)
			.exchangeToMono(response -> response.toBodilessEntity())
			.block(Duration.ofSeconds(10));
	}

	private WebClient client() {
		return WebClient.create("http://127.0.0.1:" + port);
	}
}

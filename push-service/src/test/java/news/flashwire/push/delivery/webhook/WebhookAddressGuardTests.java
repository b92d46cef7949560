package news.flashwire.push.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** No DNS lookups leave the machine: every host here is an address literal. */
class WebhookAddressGuardTests {

	private final WebhookAddressGuard strict = guard(List.of());

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1/hook", "http://10.1.2.3/hook", "http://192.168.0.10/hook",
			"http://172.16.5.4/hook", "http://169.254.169.254/latest/meta-data", "http://[::1]/hook",
			"http://0.0.0.0/hook", "http://100.64.0.1/hook", "http://[fd00::1]/hook", "http://224.0.0.1/hook" })
	void refusesPrivateLoopbackLinkLocalAndMetadataAddresses(String url) {
		assertThat(strict.refusalOf(URI.create(url))).isEqualTo("url resolves to a non-public address");
	}

	@org.junit.jupiter.api.Test
	void refusesAHostNameThatResolvesToALoopbackAddress() {
		assertThat(strict.refusalOf(URI.create("http://localhost:8080/hook")))
			.isEqualTo("url resolves to a non-public address");
	}

	@ParameterizedTest
	@ValueSource(strings = { "ftp://93.184.216.34/hook", "file:///etc/passwd", "http://user:pw@93.184.216.34/hook" })
	void refusesOtherSchemesAndCredentials(String url) {
		assertThat(strict.refusalOf(URI.create(url))).isNotNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "https://93.184.216.34/hook", "http://8.8.8.8:8080/hook" })
	void allowsPublicAddresses(String url) {
		assertThat(strict.refusalOf(URI.create(url))).isNull();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://127.0.0.1:9000/hook" })
	void allowsAnExplicitlyAllowedNetwork(String url) {
		assertThat(guard(List.of("127.0.0.1/32")).refusalOf(URI.create(url))).isNull();
		assertThat(guard(List.of("127.0.0.1/32")).refusalOf(URI.create("http://10.0.0.1/hook"))).isNotNull();
	}

	private static WebhookAddressGuard guard(List<String> allowed) {
		return new WebhookAddressGuard(
				new WebhookSettings(allowed, Duration.ofSeconds(1), Duration.ofSeconds(30), Duration.ofMinutes(2), 0));
	}
}

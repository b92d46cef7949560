package news.flashwire.push.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.Inet6Address;
import java.net.InetAddress;
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
			"http://0.0.0.0/hook", "http://100.64.0.1/hook", "http://[fd00::1]/hook", "http://224.0.0.1/hook",
			"http://0.1.2.3/hook", "http://198.18.0.1/hook", "http://240.0.0.1/hook", "http://255.255.255.255/hook",
			"http://[64:ff9b::7f00:1]/hook", "http://[64:ff9b::a9fe:a9fe]/hook", "http://[2002:7f00:1::1]/hook",
			"http://[::127.0.0.1]/hook" })
	void refusesPrivateLoopbackLinkLocalAndMetadataAddresses(String url) {
		assertThat(strict.refusalOf(URI.create(url))).isEqualTo("url resolves to a non-public address");
	}

	@org.junit.jupiter.api.Test
	void refusesAHostNameThatResolvesToALoopbackAddress() {
		assertThat(strict.refusalOf(URI.create("http://localhost:8080/hook")))
			.isEqualTo("url resolves to a non-public address");
	}

	/**
	 * What a DNS name's AAAA record can give: Java keeps a resolved IPv4-mapped address as an IPv6 one, which the
	 * kernel connects to the IPv4 address inside it.
	 */
	@ParameterizedTest
	@ValueSource(strings = { "127.0.0.1", "169.254.169.254", "10.0.0.1", "192.168.1.1", "0.0.0.0" })
	void refusesAnIpv6AddressThatCarriesAPrivateIpv4One(String ipv4) throws Exception {
		byte[] v4 = InetAddress.getByName(ipv4).getAddress();
		byte[] mapped = new byte[16];
		mapped[10] = (byte) 0xff;
		mapped[11] = (byte) 0xff;
		System.arraycopy(v4, 0, mapped, 12, 4);
		InetAddress resolved = Inet6Address.getByAddress(null, mapped, -1);

		assertThat(resolved).isInstanceOf(Inet6Address.class);
		assertThat(strict.allows(resolved)).isFalse();
		assertThat(guard(List.of(ipv4 + "/32")).allows(resolved)).as("allowed by its IPv4 network").isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "http://[2606:4700::1111]/hook", "http://[64:ff9b::808:808]/hook",
			"http://[2002:808:808::1]/hook" })
	void allowsPublicIpv6AddressesAndThoseThatCarryAPublicIpv4One(String url) {
		assertThat(strict.refusalOf(URI.create(url))).isNull();
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

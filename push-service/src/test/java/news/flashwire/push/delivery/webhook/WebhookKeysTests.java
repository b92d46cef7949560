package news.flashwire.push.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

import javax.crypto.SecretKey;

import org.junit.jupiter.api.Test;

import news.flashwire.push.secret.SecretSeal;
import news.flashwire.push.secret.SecretSettings;

class WebhookKeysTests {

	private static final URI URL = URI.create("https://partner.example/hooks");

	private final SecretSeal seal = new SecretSeal(
			new SecretSettings(Base64.getEncoder().encodeToString(new byte[32])));

	private final WebhookKeys keys = new WebhookKeys(seal);

	@Test
	void opensEachSubscriptionsSecretOnceAndSignsWithIt() {
		String secret = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
		WebhookTarget target = new WebhookTarget(URL, seal.seal("sub_1", secret));

		SecretKey key = keys.keyOf("sub_1", target);

		assertThat(keys.keyOf("sub_1", target)).isSameAs(key);
		byte[] body = "{\"test\": 2432232314}".getBytes(StandardCharsets.UTF_8);
		assertThat(WebhookSignature.sign(key, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330, body))
			.isEqualTo(WebhookSignature.sign(secret, "msg_p5jXN8AQM9LWM0D4loKWxJek", 1614265330,
					new String(body, StandardCharsets.UTF_8)))
			.isEqualTo("v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=");
	}

	@Test
	void aChangedSecretIsOpenedAgain() {
		WebhookTarget before = new WebhookTarget(URL, seal.seal("sub_1", "whsec_" + base64("first key")));
		WebhookTarget after = new WebhookTarget(URL, seal.seal("sub_1", "whsec_" + base64("second key")));

		SecretKey first = keys.keyOf("sub_1", before);
		SecretKey second = keys.keyOf("sub_1", after);

		assertThat(second.getEncoded()).isEqualTo("second key".getBytes(StandardCharsets.UTF_8));
		assertThat(first.getEncoded()).isEqualTo("first key".getBytes(StandardCharsets.UTF_8));
		assertThat(keys.size()).isOne();
	}

	@Test
	void aSecretSealedForAnotherSubscriptionIsRefusedEvenOnceAnotherIsKnown() {
		WebhookTarget target = new WebhookTarget(URL, seal.seal("sub_1", "whsec_" + base64("key")));
		keys.keyOf("sub_1", target);

		assertThatIllegalStateException().isThrownBy(() -> keys.keyOf("sub_2", target));
		assertThatIllegalStateException()
			.isThrownBy(() -> keys.keyOf("sub_3", new WebhookTarget(URL, "v1.not-sealed-here")));
	}

	private static String base64(String text) {
		return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
	}
}

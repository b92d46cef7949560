package news.flashwire.push.delivery.webpush;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.Security;
import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

import com.zerodeplibs.webpush.key.PublicKeySources;

/** aes128gcm encryption for Web Push against the RFC 8291 example. */
class WebPushEncryptionTests {

	private final WebPushTarget rfcSubscriber = new WebPushTarget(URI.create("https://push.example.net/push/x"),
			Rfc8291.text("inputs", "ua_public"), Rfc8291.text("inputs", "auth_secret"));

	@Test
	void encryptsTheRfcExampleByteForByte() throws Exception {
		KeyPair asKeys = new KeyPair(PublicKeySources.ofUncompressedBytes(Rfc8291.bytes("inputs", "as_public")).extract(),
				VapidKeys.privateKey(Rfc8291.text("inputs", "as_private")));
		byte[] body;
		Security.insertProviderAt(new FixedEphemeralKeys(asKeys, Rfc8291.bytes("inputs", "salt")), 1);
		try {
			body = new WebPushMessages().encrypt(rfcSubscriber, Rfc8291.bytes("inputs", "plaintext")).toBytes();
		}
		finally {
			Security.removeProvider("FixedEphemeralKeys");
		}

		byte[] expected = Rfc8291.bytes("output", "body");
		assertThat(body).hasSameSizeAs(expected);
		assertThat(Arrays.copyOfRange(body, 0, 16)).as("salt").isEqualTo(Arrays.copyOfRange(expected, 0, 16));
		assertThat(Arrays.copyOfRange(body, 20, body.length)).as("key id, ciphertext and tag")
			.isEqualTo(Arrays.copyOfRange(expected, 20, expected.length));
		// The one field allowed to differ: zerodep writes the record size as the record's own length (58), the RFC
		// example 4096; both declare a single record that holds the whole message.
		assertThat(ByteBuffer.wrap(body, 16, 4).getInt()).isGreaterThanOrEqualTo(body.length - 86);
	}

	@Test
	void aReceiverDecryptsWhatWeSendWithTheRfcAlgorithm() throws Exception {
		byte[] plaintext = "{\"headline\":\"عاجل\"}".getBytes(StandardCharsets.UTF_8);

		byte[] body = new WebPushMessages().encrypt(rfcSubscriber, plaintext).toBytes();

		assertThat(Rfc8291Receiver.decrypt(body, Rfc8291.bytes("inputs", "ua_public"), Rfc8291.text("inputs", "ua_private"),
				Rfc8291.bytes("inputs", "auth_secret"))).isEqualTo(plaintext);
	}

	@Test
	void derivesAStableTopicOfAtMost32Base64UrlCharactersFromTheStory() {
		String topic = WebPushMessages.topic(new news.flashwire.common.story.StoryId("afp:2026-11-29-0042"));

		assertThat(topic).hasSize(32).matches("[A-Za-z0-9_-]+");
		assertThat(WebPushMessages.topic(new news.flashwire.common.story.StoryId("afp:2026-11-29-0042"))).isEqualTo(topic);
		assertThat(Base64.getUrlDecoder().decode(topic)).hasSize(24);
	}
}

package news.flashwire.push.delivery.webpush;

/** Decrypts, as the RFC 8291 example's browser, what was pushed to it. */
public final class TestDecryption {

	private TestDecryption() {
	}

	public static byte[] decrypt(byte[] body) throws java.security.GeneralSecurityException {
		return Rfc8291Receiver.decrypt(body, Rfc8291.bytes("inputs", "ua_public"), Rfc8291.text("inputs", "ua_private"),
				Rfc8291.bytes("inputs", "auth_secret"));
	}
}

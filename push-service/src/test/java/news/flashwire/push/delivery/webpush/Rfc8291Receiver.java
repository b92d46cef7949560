package news.flashwire.push.delivery.webpush;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.interfaces.ECPrivateKey;
import java.util.Arrays;

import javax.crypto.Cipher;
import javax.crypto.KeyAgreement;
import javax.crypto.Mac;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import com.zerodeplibs.webpush.key.PublicKeySources;

/**
 * A user agent's side of RFC 8291, written from the RFC's algorithm (§3.3, §3.4 and RFC 8188 §2) to check what we
 * send: decrypts an aes128gcm body with the subscription's private key and auth secret.
 */
final class Rfc8291Receiver {

	private Rfc8291Receiver() {
	}

	static byte[] decrypt(byte[] body, byte[] uaPublic, String uaPrivate, byte[] authSecret)
			throws GeneralSecurityException {
		ByteBuffer in = ByteBuffer.wrap(body);
		byte[] salt = new byte[16];
		in.get(salt);
		in.getInt(); // record size: one record here
		byte[] asPublic = new byte[in.get() & 0xff];
		in.get(asPublic);
		byte[] ciphertext = new byte[in.remaining()];
		in.get(ciphertext);

		ECPrivateKey key = VapidKeys.privateKey(uaPrivate);
		KeyAgreement agreement = KeyAgreement.getInstance("ECDH");
		agreement.init(key);
		agreement.doPhase(PublicKeySources.ofUncompressedBytes(asPublic).extract(), true);
		byte[] ecdhSecret = agreement.generateSecret();

		byte[] keyInfo = concat("WebPush: info\0".getBytes(StandardCharsets.US_ASCII), uaPublic, asPublic);
		byte[] ikm = hkdf(authSecret, ecdhSecret, keyInfo, 32);
		byte[] cek = hkdf(salt, ikm, "Content-Encoding: aes128gcm\0".getBytes(StandardCharsets.US_ASCII), 16);
		byte[] nonce = hkdf(salt, ikm, "Content-Encoding: nonce\0".getBytes(StandardCharsets.US_ASCII), 12);

		Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
		cipher.init(Cipher.DECRYPT_MODE, new SecretKeySpec(cek, "AES"), new GCMParameterSpec(128, nonce));
		byte[] padded = cipher.doFinal(ciphertext);
		int end = padded.length - 1;
		while (padded[end] == 0) {
			end--;
		}
		if (padded[end] != 2) {
			throw new GeneralSecurityException("last record must end with the 0x02 delimiter");
		}
		return Arrays.copyOf(padded, end);
	}

	private static byte[] hkdf(byte[] salt, byte[] ikm, byte[] info, int length) throws GeneralSecurityException {
		Mac mac = Mac.getInstance("HmacSHA256");
		mac.init(new SecretKeySpec(salt, "HmacSHA256"));
		byte[] prk = mac.doFinal(ikm);
		mac.init(new SecretKeySpec(prk, "HmacSHA256"));
		return Arrays.copyOf(mac.doFinal(concat(info, new byte[] { 1 })), length);
	}

	private static byte[] concat(byte[]... parts) {
		int length = Arrays.stream(parts).mapToInt(part -> part.length).sum();
		ByteBuffer out = ByteBuffer.allocate(length);
		Arrays.stream(parts).forEach(out::put);
		return out.array();
	}

}

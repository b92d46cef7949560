package news.flashwire.push.delivery.webpush;

import java.net.URI;
import java.nio.charset.StandardCharsets;

import com.zerodeplibs.webpush.MessageEncryption;
import com.zerodeplibs.webpush.MessageEncryptions;
import com.zerodeplibs.webpush.PushMessage;
import com.zerodeplibs.webpush.UserAgentMessageEncryptionKeyInfo;

/**
 * Web Push (RFC 8291, aes128gcm) encryptions per second on one thread, through push-service's own path
 * ({@link WebPushMessages#encrypt}, which installs Amazon Corretto Crypto Provider when it loads), or with
 * {@code jdk} the same zerodep-web-push call on the JDK's providers only (the fallback).
 *
 *   java -cp ... news.flashwire.push.delivery.webpush.WebPushEncryptBench MODE P256DH AUTH PAYLOAD_FILE SECONDS
 */
public class WebPushEncryptBench {

	public static void main(String[] args) throws Exception {
		String mode = args[0];
		WebPushTarget target = new WebPushTarget(URI.create("https://fcm.googleapis.com/fcm/send/bench"), args[1], args[2]);
		byte[] plaintext = java.nio.file.Files.readString(java.nio.file.Path.of(args[3])).getBytes(StandardCharsets.UTF_8);
		double seconds = Double.parseDouble(args[4]);
		Runnable one;
		if (mode.equals("flashwire")) {
			WebPushMessages messages = new WebPushMessages();
			one = () -> messages.encrypt(target, plaintext);
		}
		else {
			MessageEncryption encryption = MessageEncryptions.of();
			one = () -> encryption.encrypt(UserAgentMessageEncryptionKeyInfo.of(target.p256dh(), target.auth()),
					PushMessage.of(plaintext));
		}
		System.out.println("provider of ECDH: " + javax.crypto.KeyAgreement.getInstance("ECDH").getProvider().getName()
				+ ", AES/GCM: " + javax.crypto.Cipher.getInstance("AES/GCM/NoPadding").getProvider().getName());
		run(one, Math.min(5, seconds / 2), "warm-up");
		for (int round = 1; round <= 3; round++) {
			run(one, seconds, mode + " round " + round);
		}
	}

	private static void run(Runnable one, double seconds, String label) {
		long end = System.nanoTime() + (long) (seconds * 1e9);
		long n = 0;
		long start = System.nanoTime();
		while (System.nanoTime() < end) {
			for (int i = 0; i < 100; i++) {
				one.run();
			}
			n += 100;
		}
		double took = (System.nanoTime() - start) / 1e9;
		System.out.printf("%s: %d encryptions in %.2f s = %.0f/s (one thread)%n", label, n, took, n / took);
	}
}

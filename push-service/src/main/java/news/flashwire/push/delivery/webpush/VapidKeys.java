package news.flashwire.push.delivery.webpush;

import java.math.BigInteger;
import java.security.AlgorithmParameters;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.ECPrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.security.spec.ECParameterSpec;
import java.security.spec.ECPrivateKeySpec;
import java.util.Arrays;
import java.util.Base64;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.zerodeplibs.webpush.VAPIDKeyPair;
import com.zerodeplibs.webpush.VAPIDKeyPairs;
import com.zerodeplibs.webpush.key.PrivateKeySources;
import com.zerodeplibs.webpush.key.PublicKeySources;

/**
 * The application server's VAPID key pair (RFC 8292), from configuration in the format browsers and the npm
 * {@code web-push} tool use (base64url public point and private scalar). Without configuration a pair is generated
 * for this run and printed, so a local run works and an operator can keep it.
 */
@Component
class VapidKeys {

	private static final Logger log = LoggerFactory.getLogger(VapidKeys.class);

	private final VAPIDKeyPair pair;

	VapidKeys(WebPushSettings settings) throws GeneralSecurityException {
		FastCrypto.install();
		if (settings.vapidPublicKey() != null && settings.vapidPrivateKey() != null) {
			this.pair = VAPIDKeyPairs.of(PrivateKeySources.ofECPrivateKey(privateKey(settings.vapidPrivateKey())),
					PublicKeySources.ofUncompressedBytes(Base64.getUrlDecoder().decode(settings.vapidPublicKey().strip())));
		}
		else {
			KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
			generator.initialize(new ECGenParameterSpec("secp256r1"));
			KeyPair generated = generator.generateKeyPair();
			this.pair = VAPIDKeyPairs.of(PrivateKeySources.ofECPrivateKey((ECPrivateKey) generated.getPrivate()),
					PublicKeySources.ofECPublicKey((java.security.interfaces.ECPublicKey) generated.getPublic()));
			log.warn("No VAPID key pair configured; generated one for this run. To keep it, set "
					+ "flashwire.push.webpush.vapid-public-key={} and flashwire.push.webpush.vapid-private-key={}",
					publicKey(), scalar((ECPrivateKey) generated.getPrivate()));
		}
	}

	VAPIDKeyPair pair() {
		return pair;
	}

	/** The application server key a browser passes to pushManager.subscribe(), base64url. */
	String publicKey() {
		return pair.extractPublicKeyInUncompressedFormAsString();
	}

	static ECPrivateKey privateKey(String scalar) throws GeneralSecurityException {
		AlgorithmParameters parameters = AlgorithmParameters.getInstance("EC");
		parameters.init(new ECGenParameterSpec("secp256r1"));
		ECParameterSpec curve = parameters.getParameterSpec(ECParameterSpec.class);
		BigInteger s = new BigInteger(1, Base64.getUrlDecoder().decode(scalar.strip()));
		return (ECPrivateKey) KeyFactory.getInstance("EC").generatePrivate(new ECPrivateKeySpec(s, curve));
	}

	private static String scalar(ECPrivateKey key) {
		byte[] bytes = key.getS().toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(32, bytes.length);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		String encoded = Base64.getUrlEncoder().withoutPadding().encodeToString(fixed);
		Arrays.fill(fixed, (byte) 0);
		return encoded;
	}
}

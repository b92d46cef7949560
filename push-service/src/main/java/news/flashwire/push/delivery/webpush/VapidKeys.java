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
 * for this run only; its public key is logged, its private key never.
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
			// The private key is never logged: browsers subscribed to this run's key stop receiving after a restart.
			log.warn("No VAPID key pair configured; generated one for this run only (public key {}). Configure "
					+ "flashwire.push.webpush.vapid-public-key and vapid-private-key to keep browser subscriptions.",
					publicKey());
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
}

package news.flashwire.push.delivery.webpush;

import java.security.Security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Installs Amazon Corretto Crypto Provider (native EC and AES-GCM, many times the JDK's Web Push encryptions per
 * core) as the first provider; when its native library cannot load on this platform, the JDK providers stay.
 */
final class FastCrypto {

	private static final Logger log = LoggerFactory.getLogger(FastCrypto.class);

	private static volatile boolean tried;

	private FastCrypto() {
	}

	static synchronized void install() {
		if (tried) {
			return;
		}
		tried = true;
		try {
			Throwable error = AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError();
			if (error != null) {
				log.info("Amazon Corretto Crypto Provider unavailable ({}); using the JDK's providers", error.toString());
				return;
			}
			AmazonCorrettoCryptoProvider.INSTANCE.assertHealthy();
			AmazonCorrettoCryptoProvider.install();
			log.info("Amazon Corretto Crypto Provider installed");
		}
		catch (RuntimeException | LinkageError ex) {
			// never leave a provider that failed its self-test in front of the JDK's
			Security.removeProvider(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
			log.info("Amazon Corretto Crypto Provider unavailable ({}); using the JDK's providers", ex.toString());
		}
	}
}

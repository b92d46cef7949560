package news.flashwire.push.delivery.webpush;

import java.security.InvalidAlgorithmParameterException;
import java.security.KeyPair;
import java.security.KeyPairGeneratorSpi;
import java.security.Provider;
import java.security.SecureRandom;
import java.security.SecureRandomSpi;
import java.security.spec.AlgorithmParameterSpec;

/**
 * A test-only provider, put first, that hands the sender the RFC's ephemeral key pair and salt instead of fresh
 * random ones, so the encrypted body can be compared byte for byte with the RFC's.
 */
final class FixedEphemeralKeys extends Provider {

	FixedEphemeralKeys(KeyPair asKeys, byte[] salt) {
		super("FixedEphemeralKeys", "1", "the RFC 8291 example's key pair and salt");
		putService(new Service(this, "KeyPairGenerator", "EC", Generator.class.getName(), null, null) {

			@Override
			public Object newInstance(Object parameter) {
				return new Generator(asKeys);
			}
		});
		putService(new Service(this, "SecureRandom", "Fixed", Random.class.getName(), null, null) {

			@Override
			public Object newInstance(Object parameter) {
				return new Random(salt);
			}
		});
	}

	static final class Generator extends KeyPairGeneratorSpi {

		private final KeyPair keys;

		Generator(KeyPair keys) {
			this.keys = keys;
		}

		@Override
		public void initialize(int keysize, SecureRandom random) {
		}

		@Override
		public void initialize(AlgorithmParameterSpec params, SecureRandom random)
				throws InvalidAlgorithmParameterException {
		}

		@Override
		public KeyPair generateKeyPair() {
			return keys;
		}
	}

	static final class Random extends SecureRandomSpi {

		private final byte[] salt;

		Random(byte[] salt) {
			this.salt = salt;
		}

		@Override
		protected void engineSetSeed(byte[] seed) {
		}

		@Override
		protected void engineNextBytes(byte[] bytes) {
			System.arraycopy(salt, 0, bytes, 0, Math.min(salt.length, bytes.length));
		}

		@Override
		protected byte[] engineGenerateSeed(int numBytes) {
			return new byte[numBytes];
		}
	}
}

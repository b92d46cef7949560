package news.flashwire.launcher;

import java.io.IOException;
import java.io.Reader;
import java.io.Writer;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.interfaces.ECPrivateKey;
import java.security.interfaces.ECPublicKey;
import java.security.spec.ECGenParameterSpec;
import java.util.Base64;
import java.util.Map;
import java.util.Properties;

/**
 * The keys push-service must keep across runs, made once per data folder and kept in it: the key that seals webhook
 * secrets on the subscriptions topic and the VAPID key pair browsers subscribed with (without them a restart would
 * leave every stored subscription unusable), and the token ingest-service reads push-service's delivery audit with.
 * Handed to the services as environment variables, never as arguments.
 */
final class LocalSecrets {

	private static final String SECRETS_KEY = "FLASHWIRE_PUSH_SECRETS_KEY";

	private static final String VAPID_PUBLIC = "FLASHWIRE_PUSH_WEBPUSH_VAPID_PUBLIC_KEY";

	private static final String VAPID_PRIVATE = "FLASHWIRE_PUSH_WEBPUSH_VAPID_PRIVATE_KEY";

	private static final String AUDIT_TOKENS = "FLASHWIRE_PUSH_AUDIT_TOKENS";

	private static final String INGEST_AUDIT_TOKEN = "FLASHWIRE_INGEST_NEWSROOM_PUSH_AUDIT_TOKEN";

	private static final String COMMENT = "Keys of the local push-service; keep them with the Kafka data they belong to";

	private LocalSecrets() {
	}

	static Map<String, String> forPush(Path dataDir) {
		Properties secrets = load(dataDir);
		return Map.of(SECRETS_KEY, secrets.getProperty(SECRETS_KEY), VAPID_PUBLIC, secrets.getProperty(VAPID_PUBLIC),
				VAPID_PRIVATE, secrets.getProperty(VAPID_PRIVATE), AUDIT_TOKENS, secrets.getProperty(AUDIT_TOKENS));
	}

	/** What ingest-service needs of them: the token it reads the delivery audit with, for the newsroom page. */
	static Map<String, String> forIngest(Path dataDir) {
		return Map.of(INGEST_AUDIT_TOKEN, load(dataDir).getProperty(AUDIT_TOKENS));
	}

	private static synchronized Properties load(Path dataDir) {
		Path file = dataDir.resolve("push-secrets.properties");
		try {
			if (!Files.exists(file)) {
				write(file, generate());
			}
			Properties secrets = new Properties();
			try (Reader reader = Files.newBufferedReader(file)) {
				secrets.load(reader);
			}
			// A data folder from before the audit token: the keys stay, the token is added.
			if (secrets.getProperty(AUDIT_TOKENS) == null) {
				secrets.setProperty(AUDIT_TOKENS, auditToken(new SecureRandom()));
				try (Writer writer = Files.newBufferedWriter(file)) {
					secrets.store(writer, COMMENT);
				}
			}
			for (String name : new String[] { SECRETS_KEY, VAPID_PUBLIC, VAPID_PRIVATE }) {
				if (secrets.getProperty(name) == null) {
					throw new IOException(name + " is missing");
				}
			}
			return secrets;
		}
		catch (IOException | GeneralSecurityException ex) {
			throw new LaunchFailed("Could not read or create " + file + ": " + ex);
		}
	}

	private static Properties generate() throws GeneralSecurityException {
		SecureRandom random = new SecureRandom();
		byte[] sealKey = new byte[32];
		random.nextBytes(sealKey);
		KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
		generator.initialize(new ECGenParameterSpec("secp256r1"), random);
		KeyPair vapid = generator.generateKeyPair();
		Properties secrets = new Properties();
		secrets.setProperty(SECRETS_KEY, Base64.getEncoder().encodeToString(sealKey));
		secrets.setProperty(VAPID_PUBLIC, base64Url(uncompressed((ECPublicKey) vapid.getPublic())));
		secrets.setProperty(VAPID_PRIVATE, base64Url(fixed(((ECPrivateKey) vapid.getPrivate()).getS())));
		secrets.setProperty(AUDIT_TOKENS, auditToken(random));
		return secrets;
	}

	private static String auditToken(SecureRandom random) {
		byte[] token = new byte[32];
		random.nextBytes(token);
		return "fwa_" + base64Url(token);
	}

	/** The public point as browsers want it: 0x04, then X and Y of 32 bytes each. */
	private static byte[] uncompressed(ECPublicKey key) {
		byte[] point = new byte[65];
		point[0] = 4;
		System.arraycopy(fixed(key.getW().getAffineX()), 0, point, 1, 32);
		System.arraycopy(fixed(key.getW().getAffineY()), 0, point, 33, 32);
		return point;
	}

	private static byte[] fixed(BigInteger value) {
		byte[] bytes = value.toByteArray();
		byte[] fixed = new byte[32];
		int length = Math.min(bytes.length, 32);
		System.arraycopy(bytes, bytes.length - length, fixed, 32 - length, length);
		return fixed;
	}

	private static String base64Url(byte[] bytes) {
		return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
	}

	private static void write(Path file, Properties secrets) throws IOException {
		Files.createDirectories(file.toAbsolutePath().getParent());
		Files.createFile(file);
		try {
			Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
		}
		catch (UnsupportedOperationException ex) {
			// Not a POSIX file system: the file keeps the folder's default permissions.
		}
		try (Writer writer = Files.newBufferedWriter(file)) {
			secrets.store(writer, COMMENT);
		}
	}
}

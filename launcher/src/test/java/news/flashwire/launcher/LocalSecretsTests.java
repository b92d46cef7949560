package news.flashwire.launcher;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Base64;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTests {

	@TempDir
	Path dataDir;

	@Test
	void makesPushKeysOnceAndKeepsThemForTheNextRun() throws Exception {
		Map<String, String> first = LocalSecrets.forPush(dataDir);
		Map<String, String> second = LocalSecrets.forPush(dataDir);

		assertThat(second).isEqualTo(first);
		assertThat(Base64.getDecoder().decode(first.get("FLASHWIRE_PUSH_SECRETS_KEY"))).hasSize(32);
		byte[] publicKey = Base64.getUrlDecoder().decode(first.get("FLASHWIRE_PUSH_WEBPUSH_VAPID_PUBLIC_KEY"));
		assertThat(publicKey).hasSize(65);
		assertThat(publicKey[0]).isEqualTo((byte) 4);
		assertThat(Base64.getUrlDecoder().decode(first.get("FLASHWIRE_PUSH_WEBPUSH_VAPID_PRIVATE_KEY"))).hasSize(32);
		assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dataDir.resolve("push-secrets.properties"))))
			.isEqualTo("rw-------");
	}

	@Test
	void givesIngestTheAuditTokenPushServiceAccepts() {
		String token = LocalSecrets.forIngest(dataDir).get("FLASHWIRE_INGEST_NEWSROOM_PUSH_AUDIT_TOKEN");

		assertThat(token).startsWith("fwa_").hasSizeGreaterThan(40).doesNotContain(",");
		assertThat(LocalSecrets.forPush(dataDir)).containsEntry("FLASHWIRE_PUSH_AUDIT_TOKENS", token);
	}

	@Test
	void addsAnAuditTokenToTheKeysOfAnOlderDataFolderAndKeepsThem() throws Exception {
		Path file = dataDir.resolve("push-secrets.properties");
		Map<String, String> keys = LocalSecrets.forPush(dataDir);
		Files.writeString(file, Files.readAllLines(file)
			.stream()
			.filter(line -> !line.startsWith("FLASHWIRE_PUSH_AUDIT_TOKENS"))
			.collect(java.util.stream.Collectors.joining("\n")));

		Map<String, String> again = LocalSecrets.forPush(dataDir);

		assertThat(again.get("FLASHWIRE_PUSH_SECRETS_KEY")).isEqualTo(keys.get("FLASHWIRE_PUSH_SECRETS_KEY"));
		assertThat(again.get("FLASHWIRE_PUSH_WEBPUSH_VAPID_PRIVATE_KEY"))
			.isEqualTo(keys.get("FLASHWIRE_PUSH_WEBPUSH_VAPID_PRIVATE_KEY"));
		assertThat(again.get("FLASHWIRE_PUSH_AUDIT_TOKENS")).startsWith("fwa_");
		assertThat(LocalSecrets.forPush(dataDir)).isEqualTo(again);
	}

	@Test
	void makesDifferentKeysForAnotherDataFolder(@TempDir Path other) {
		assertThat(LocalSecrets.forPush(other)).isNotEqualTo(LocalSecrets.forPush(dataDir));
	}
}

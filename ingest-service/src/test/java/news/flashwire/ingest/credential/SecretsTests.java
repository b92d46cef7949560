package news.flashwire.ingest.credential;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class SecretsTests {

	private final Secrets secrets = new Secrets(20);

	@Test
	void generatesLongUnguessableSecretsThatMeetItsOwnRules() {
		String one = secrets.generate();

		assertThat(one).hasSize(43).matches("[A-Za-z0-9_-]+").isNotEqualTo(secrets.generate());
		secrets.check("afp", one);
	}

	@Test
	void refusesShortRepetitiveOverlongOrNameBasedSecretsWithoutQuotingThem() {
		for (String weak : new String[] { "Zx9!qL2#wE5$", "abababababababababababab", "Zx9!qL2#wE5$rT8%AFP-yU1^",
				"Zx9!qL2#wE5$rT8%yU1^".repeat(4), "Zx9!qL2#wE5$\trT8%yU1^",
				"كلمةسركلمةسركلمةسركلمةسر".repeat(2) }) {
			assertThatThrownBy(() -> secrets.check("afp", weak)).isInstanceOf(CredentialUnacceptable.class)
				.satisfies(refused -> assertThat(((CredentialUnacceptable) refused).getBody().getDetail()).doesNotContain(weak));
		}
	}

	@Test
	void acceptsAPassphraseOfOrdinaryWords() {
		secrets.check("afp", "correct horse battery staple");
		secrets.check("afp", "حصان صحيح بطارية دبوس");
	}
}

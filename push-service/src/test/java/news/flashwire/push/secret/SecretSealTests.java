package news.flashwire.push.secret;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import org.junit.jupiter.api.Test;

class SecretSealTests {

	private final SecretSeal seal = new SecretSeal(new SecretSettings("AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8="));

	@Test
	void opensWhatItSealedForTheSameSubscriptionOnly() {
		String sealed = seal.seal("sub_1", "whsec_secret");

		assertThat(sealed).startsWith("v1.").doesNotContain("whsec_secret");
		assertThat(seal.open("sub_1", sealed)).isEqualTo("whsec_secret");
		assertThatIllegalStateException().isThrownBy(() -> seal.open("sub_2", sealed));
		assertThatIllegalStateException()
			.isThrownBy(() -> new SecretSeal(new SecretSettings(null)).open("sub_1", sealed));
	}

	@Test
	void refusesWhatIsNotASealedSecretAsSuch() {
		String sealed = seal.seal("sub_1", "whsec_secret");

		assertThatIllegalStateException().isThrownBy(() -> seal.open("sub_1", "whsec_secret"));
		assertThatIllegalStateException().isThrownBy(() -> seal.open("sub_1", "v1.c2hvcnQ"));
		assertThatIllegalStateException().isThrownBy(() -> seal.open("sub_1", "v1.***"));
		assertThatIllegalStateException().isThrownBy(() -> seal.open("sub_1", sealed.substring(0, sealed.length() - 4)));
	}
}

package news.flashwire.ingest.credential;

import org.jspecify.annotations.Nullable;

/** A new credential: its name, its role ({@code agency}, {@code editor}, {@code admin}), and optionally its secret. */
record CredentialRequest(@Nullable String name, @Nullable String role, @Nullable String secret) {

	@Override
	public String toString() {
		return "CredentialRequest[" + name + ", " + role + "]";
	}
}

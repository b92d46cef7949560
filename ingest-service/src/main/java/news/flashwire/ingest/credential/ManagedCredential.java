package news.flashwire.ingest.credential;

import java.time.Instant;

/**
 * A credential made through the admin API, as kept on the credentials topic (key = its name): the password hash as
 * Spring Security's delegating encoder writes it ({@code {bcrypt}...}), never the secret; its one role; whether it is
 * active. A deleted credential is a tombstone.
 */
record ManagedCredential(String name, String passwordHash, Role role, State state, Instant changedAt) {

	enum State {

		ACTIVE, DISABLED
	}

	boolean active() {
		return state == State.ACTIVE;
	}

	ManagedCredential with(State next, Instant now) {
		return new ManagedCredential(name, passwordHash, role, next, now);
	}

	ManagedCredential withHash(String nextHash, Instant now) {
		return new ManagedCredential(name, nextHash, role, state, now);
	}

	@Override
	public String toString() {
		return "ManagedCredential[" + name + ", " + role + ", " + state + "]";
	}
}

package news.flashwire.ingest.credential;

import java.util.Locale;
import java.util.Optional;

/** What a credential may do: post as its own agency, run the newsroom, or manage credentials. */
enum Role {

	AGENCY, EDITOR, ADMIN;

	static Optional<Role> named(String name) {
		for (Role role : values()) {
			if (role.label().equals(name)) {
				return Optional.of(role);
			}
		}
		return Optional.empty();
	}

	String label() {
		return name().toLowerCase(Locale.ROOT);
	}
}

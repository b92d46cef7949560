package news.flashwire.ingest.credential;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.springframework.security.core.userdetails.ReactiveUserDetailsService;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetails;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Where HTTP Basic and the newsroom sign-in look a name up: the configured credentials first (they always win, so an
 * API change can never lock out the configured admin), then the active managed ones. A disabled or deleted one is
 * unknown, so it is refused like a wrong password.
 */
public class Credentials implements ReactiveUserDetailsService {

	private final Map<String, UserDetails> configured = new LinkedHashMap<>();

	private final CredentialStore store;

	/** {@code configured}: the credentials of {@code flashwire.ingest.security.credentials}. */
	public Credentials(List<UserDetails> configured, CredentialStore managed) {
		configured.forEach(user -> this.configured.put(key(user.getUsername()), user));
		this.store = managed;
	}

	@Override
	public Mono<UserDetails> findByUsername(String name) {
		UserDetails user = configured.get(key(name));
		if (user != null) {
			return Mono.just(User.withUserDetails(user).build());
		}
		if (store.caughtUp()) {
			return Mono.justOrEmpty(managed(name));
		}
		return Mono.fromCallable(() -> {
			store.awaitCaughtUp();
			return managed(name).orElse(null);
		}).subscribeOn(Schedulers.boundedElastic());
	}

	/** Called after every change of a managed credential, on whichever thread made or read it. */
	public void onChange(Runnable listener) {
		store.onChange(name -> listener.run());
	}

	boolean isConfigured(String name) {
		return configured.containsKey(key(name));
	}

	List<UserDetails> configured() {
		return List.copyOf(configured.values());
	}

	private Optional<UserDetails> managed(String name) {
		return store.get(name)
			.filter(ManagedCredential::active)
			.map(credential -> User.withUsername(credential.name())
				.password(credential.passwordHash())
				.roles(credential.role().name())
				.build());
	}

	// As Spring's map of users did: configured names are matched without regard to case.
	private static String key(String name) {
		return name.toLowerCase(Locale.ROOT);
	}
}

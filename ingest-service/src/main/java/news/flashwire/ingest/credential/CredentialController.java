package news.flashwire.ingest.credential;

import java.net.URI;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.regex.Pattern;

import org.jspecify.annotations.Nullable;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Admins manage credentials: list them (never a secret or hash), make one (the service generates its secret and
 * shows it once, or takes one strong enough), rotate its secret (shown once), disable, enable, delete. Configured
 * credentials are listed but only configuration changes them.
 */
@RestController
@RequestMapping("/v1/admin/credentials")
class CredentialController {

	// A credential's name is also an agency's path name and the first part of its story ids.
	private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private final Credentials credentials;

	private final CredentialStore store;

	private final CredentialAdmin admin;

	CredentialController(Credentials credentials, CredentialStore store, CredentialAdmin admin) {
		this.credentials = credentials;
		this.store = store;
		this.admin = admin;
	}

	@GetMapping
	List<CredentialView> list() {
		List<CredentialView> views = new ArrayList<>();
		credentials.configured().forEach(user -> views.add(CredentialView.of(user)));
		store.all()
			.stream()
			.filter(credential -> !credentials.isConfigured(credential.name()))
			.forEach(credential -> views.add(CredentialView.of(credential)));
		views.sort(Comparator.comparing(CredentialView::name));
		return views;
	}

	@GetMapping("/{name}")
	CredentialView one(@PathVariable String name) {
		return list().stream().filter(view -> view.name().equals(name)).findFirst().orElseThrow(CredentialNotFound::new);
	}

	@PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
	Mono<ResponseEntity<CredentialView>> create(@RequestBody CredentialRequest request, Principal caller) {
		String name = name(request.name());
		if (request.role() == null) {
			throw new CredentialUnacceptable("a credential needs a role: agency, editor or admin");
		}
		Role role = Role.named(request.role())
			.orElseThrow(() -> new CredentialUnacceptable("the role must be agency, editor or admin"));
		return blocking(() -> admin.create(name, role, request.secret(), caller.getName()))
			.map(view -> ResponseEntity.created(URI.create("/v1/admin/credentials/" + name))
				.cacheControl(CacheControl.noStore())
				.body(view));
	}

	@PostMapping("/{name}/rotate")
	Mono<ResponseEntity<CredentialView>> rotate(@PathVariable String name, Principal caller) {
		return blocking(() -> admin.rotate(known(name), caller.getName()))
			.map(view -> ResponseEntity.ok().cacheControl(CacheControl.noStore()).body(view));
	}

	@PostMapping("/{name}/disable")
	Mono<CredentialView> disable(@PathVariable String name, Principal caller) {
		return blocking(() -> admin.change(known(name), ManagedCredential.State.DISABLED, caller.getName()));
	}

	@PostMapping("/{name}/enable")
	Mono<CredentialView> enable(@PathVariable String name, Principal caller) {
		return blocking(() -> admin.change(known(name), ManagedCredential.State.ACTIVE, caller.getName()));
	}

	@DeleteMapping("/{name}")
	Mono<ResponseEntity<Void>> delete(@PathVariable String name, Principal caller) {
		return blocking(() -> {
			admin.delete(known(name), caller.getName());
			return ResponseEntity.status(HttpStatus.NO_CONTENT).<Void>build();
		});
	}

	private static String name(@Nullable String name) {
		if (name == null || !NAME.matcher(name).matches()) {
			throw new CredentialUnacceptable("a name must be 1 to 40 lower-case letters, digits and dashes, "
					+ "starting with a letter or digit");
		}
		return name;
	}

	// A path that cannot be a name names no credential.
	private static String known(String name) {
		if (!NAME.matcher(name).matches()) {
			throw new CredentialNotFound();
		}
		return name;
	}

	// Hashing a secret and waiting for Kafka both block: never on the event loop.
	private static <T> Mono<T> blocking(Callable<T> work) {
		return Mono.fromCallable(work).subscribeOn(Schedulers.boundedElastic());
	}
}

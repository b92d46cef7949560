package news.flashwire.ingest.credential;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.context.WebSessionServerSecurityContextRepository;
import org.springframework.stereotype.Component;
import org.springframework.web.server.WebSession;
import org.springframework.web.server.session.DefaultWebSessionManager;
import org.springframework.web.server.session.InMemoryWebSessionStore;
import org.springframework.web.server.session.WebSessionManager;

/**
 * Ends the newsroom page sessions of a credential that changed (rotated, disabled, deleted): a page signed in with a
 * secret must not outlive it. Sessions live in each instance's memory, and each instance reads the change and ends
 * its own.
 */
@Component
class SignedInSessions {

	private final WebSessionManager sessions;

	SignedInSessions(CredentialStore store, WebSessionManager sessions) {
		this.sessions = sessions;
		store.onChange(this::end);
	}

	void end(String name) {
		if (sessions instanceof DefaultWebSessionManager manager
				&& manager.getSessionStore() instanceof InMemoryWebSessionStore memory) {
			memory.getSessions()
				.values()
				.stream()
				.filter(session -> signedInAs(session, name))
				.forEach(session -> session.invalidate().subscribe());
		}
	}

	private static boolean signedInAs(WebSession session, String name) {
		Object context = session
			.getAttribute(WebSessionServerSecurityContextRepository.DEFAULT_SPRING_SECURITY_CONTEXT_ATTR_NAME);
		if (context instanceof SecurityContext security) {
			Authentication authentication = security.getAuthentication();
			return authentication != null && name.equals(authentication.getName());
		}
		return false;
	}
}

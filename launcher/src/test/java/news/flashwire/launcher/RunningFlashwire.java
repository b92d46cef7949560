package news.flashwire.launcher;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * One {@code ./flashwire} for the test classes that need a running system but not a run of their own: the first class
 * that asks for it starts it, the others use it, and it is stopped when the test run ends. Starting the whole system
 * is the longest step of these tests, so it is paid once. A class asks for it as a {@link LocalFlashwire} parameter of
 * a {@code @BeforeAll} method. Each class writes stories and subscriptions of its own, so it must tell its own from the
 * others' (by unique headlines) and expect other subscribers beside its own.
 */
final class RunningFlashwire implements ParameterResolver {

	static final String[] OPTIONS = { "--push.flashwire.push.webhook.allowed-networks=127.0.0.1/32",
			"--ingest.flashwire.ingest.newsroom.session-timeout=" + NewsroomPageIntegrationTests.SESSION_TIMEOUT.toSeconds()
					+ "s" };

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == LocalFlashwire.class;
	}

	@Override
	public LocalFlashwire resolveParameter(ParameterContext parameter, ExtensionContext context) {
		// The root store closes what it holds (LocalFlashwire is AutoCloseable) when the whole run ends.
		return context.getRoot()
			.getStore(ExtensionContext.Namespace.create(RunningFlashwire.class))
			.computeIfAbsent(LocalFlashwire.class, type -> {
				LocalFlashwire flashwire = new LocalFlashwire();
				try {
					flashwire.launch("shared", OPTIONS);
				}
				catch (RuntimeException | AssertionError ex) {
					flashwire.close();
					throw ex;
				}
				return flashwire;
			}, LocalFlashwire.class);
	}
}

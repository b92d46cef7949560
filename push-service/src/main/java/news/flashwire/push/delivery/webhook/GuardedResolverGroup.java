package news.flashwire.push.delivery.webhook;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.util.List;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;

/**
 * The resolver of the webhook HTTP client: it resolves the host, drops every address the guard refuses and hands the
 * connection only checked addresses, so what was checked is what is connected to (no DNS rebinding in between).
 * It runs on every new connection; the guard remembers each host's checked addresses for a short time.
 */
final class GuardedResolverGroup extends AddressResolverGroup<InetSocketAddress> {

	private final WebhookAddressGuard guard;

	GuardedResolverGroup(WebhookAddressGuard guard) {
		this.guard = guard;
	}

	@Override
	protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
		return new InetSocketAddressResolver(executor, new InetNameResolver(executor) {

			@Override
			protected void doResolve(String host, Promise<InetAddress> promise) {
				try {
					promise.setSuccess(allowed(host).get(0));
				}
				catch (UnknownHostException ex) {
					promise.setFailure(ex);
				}
			}

			@Override
			protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
				try {
					promise.setSuccess(allowed(host));
				}
				catch (UnknownHostException ex) {
					promise.setFailure(ex);
				}
			}
		});
	}

	private List<InetAddress> allowed(String host) throws UnknownHostException {
		return guard.checkedAddresses(host);
	}
}

package news.flashwire.ticker.stream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelPipeline;
import io.netty.handler.codec.http.HttpServerUpgradeHandler;
import reactor.netty.Connection;

/**
 * With h2c on, Reactor Netty gives every cleartext HTTP/1.1 connection an upgrade handler holding a ready HTTP/2
 * codec (about 3 KB), in case a later request asks for {@code Upgrade: h2c}. A connection that carries a stream sends
 * nothing else for hours, so it gives that chance up: a client that wants HTTP/2 asks for it on its first request, and
 * a server may always ignore an upgrade (RFC 9110 §7.8). Clients speaking HTTP/2 from the start are not affected.
 */
final class H2cUpgrade {

	private H2cUpgrade() {
	}

	static void forgo(ServerHttpRequest request) {
		if (nativeRequestOf(request) instanceof Connection connection) {
			ChannelPipeline pipeline = connection.channel().pipeline();
			ChannelHandler upgrade = pipeline.get(HttpServerUpgradeHandler.class);
			if (upgrade != null) {
				pipeline.remove(upgrade);
			}
		}
	}

	private static @Nullable Object nativeRequestOf(ServerHttpRequest request) {
		try {
			return ServerHttpRequestDecorator.getNativeRequest(request);
		}
		catch (IllegalArgumentException | IllegalStateException notOnNetty) {
			return null;
		}
	}
}

package news.flashwire.ticker.stream;

import org.jspecify.annotations.Nullable;
import org.springframework.http.server.reactive.ServerHttpRequestDecorator;
import org.springframework.http.server.reactive.ServerHttpResponseDecorator;
import org.springframework.web.server.ServerWebExchange;

import io.netty.handler.codec.http.HttpHeaders;
import reactor.netty.Connection;
import reactor.netty.http.server.HttpServerResponse;

/** The Reactor Netty parts of an exchange, where the server is Reactor Netty. */
final class NettyExchange {

	private NettyExchange() {
	}

	static @Nullable Connection connectionOf(ServerWebExchange exchange) {
		return nativeRequestOf(exchange) instanceof Connection connection ? connection : null;
	}

	/** The response headers as sent (with the transfer coding Netty chose), once they are. */
	static @Nullable HttpHeaders sentHeadersOf(ServerWebExchange exchange) {
		try {
			return ServerHttpResponseDecorator.getNativeResponse(exchange.getResponse()) instanceof HttpServerResponse
					response && response.hasSentHeaders() ? response.responseHeaders() : null;
		}
		catch (IllegalArgumentException | IllegalStateException notOnNetty) {
			return null;
		}
	}

	private static @Nullable Object nativeRequestOf(ServerWebExchange exchange) {
		try {
			return ServerHttpRequestDecorator.getNativeRequest(exchange.getRequest());
		}
		catch (IllegalArgumentException | IllegalStateException notOnNetty) {
			return null;
		}
	}
}

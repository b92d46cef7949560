package news.flashwire.push.delivery.webhook;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.pool.AbstractChannelPoolHandler;
import io.netty.channel.pool.AbstractChannelPoolMap;
import io.netty.channel.pool.ChannelHealthChecker;
import io.netty.channel.pool.FixedChannelPool;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.handler.timeout.IdleStateHandler;
import io.netty.util.NetUtil;
import io.netty.util.concurrent.Future;
import news.flashwire.push.delivery.DeliveryFailure;
import reactor.core.publisher.Mono;
import reactor.netty.resources.LoopResources;

/**
 * Keep-alive HTTP/1.1 connections to webhook endpoints, on Netty's own client pieces: per origin (scheme, host, port)
 * a {@link FixedChannelPool} of at most {@code perOrigin} persistent connections, each carrying one request at a time.
 * A connection's pipeline (TLS for https, the HTTP codec, the {@link WebhookExchange}) is built once, when it is
 * opened; a request then costs its encoding and its response's decoding only. New connections resolve through the
 * {@link GuardedResolverGroup}, so they reach only addresses the SSRF guard checked. Runs on event loops of its own
 * (native transport where available), which live as long as the sender: the shared ones of Reactor Netty are disposed
 * with any application context that used them.
 */
final class WebhookConnections implements AutoCloseable {

	private static final Duration IDLE = Duration.ofSeconds(30);

	private final LoopResources loops = LoopResources.create("webhooks", LoopResources.DEFAULT_IO_WORKER_COUNT, true);

	private final AbstractChannelPoolMap<Origin, FixedChannelPool> pools;

	private final SslContext tls;

	private final Duration timeout;

	WebhookConnections(WebhookAddressGuard guard, SslContext tls, Duration timeout, int perOrigin) {
		this.tls = tls;
		this.timeout = timeout;
		EventLoopGroup group = loops.onClient(LoopResources.DEFAULT_NATIVE);
		Bootstrap bootstrap = new Bootstrap().group(group)
			.channel(loops.onChannelClass(SocketChannel.class, group))
			.resolver(new GuardedResolverGroup(guard))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
			.option(ChannelOption.TCP_NODELAY, true);
		this.pools = new AbstractChannelPoolMap<>() {

			@Override
			protected FixedChannelPool newPool(Origin origin) {
				// One event loop per origin, for its pool and all its connections: a response, the release of its
				// connection and the next request (started by the host's freed slot) then run on one thread.
				Bootstrap toOrigin = bootstrap.clone(group.next())
					.remoteAddress(InetSocketAddress.createUnresolved(origin.host(), origin.port()));
				// No request waits for a connection beyond the timeout; the host's slots keep the line short.
				return new FixedChannelPool(toOrigin, new PipelineSetUp(origin), ChannelHealthChecker.ACTIVE,
						FixedChannelPool.AcquireTimeoutAction.FAIL, timeout.toMillis(), perOrigin, Integer.MAX_VALUE,
						true, true);
			}
		};
	}

	/**
	 * Sends the request on one of the origin's connections and gives the response's status once the response was
	 * read. A reused connection that turns out closed before any of the response arrived (the server dropped it while
	 * idle) costs nothing: the request is sent once more on another connection (the receiver drops a duplicate by its
	 * webhook-id). Every other failure is a {@link DeliveryFailure}.
	 */
	Mono<Integer> exchange(Origin origin, Supplier<FullHttpRequest> request) {
		return once(origin, request).onErrorResume(WebhookExchange.StaleConnection.class,
				stale -> once(origin, request)
					.onErrorMap(WebhookExchange.StaleConnection.class, again -> new DeliveryFailure(again.getMessage())));
	}

	private Mono<Integer> once(Origin origin, Supplier<FullHttpRequest> request) {
		return Mono.create(sink -> {
			FixedChannelPool pool = pools.get(origin);
			Future<Channel> acquired = pool.acquire();
			WebhookExchange.Ended ended = (status, failure) -> {
				pool.release(acquired.getNow());
				if (failure != null) {
					sink.error(failure);
				}
				else {
					sink.success(status);
				}
			};
			sink.onCancel(() -> acquired.addListener(done -> {
				if (done.isSuccess()) {
					WebhookExchange exchange = acquired.getNow().pipeline().get(WebhookExchange.class);
					if (exchange != null) {
						exchange.abandon(ended);
					}
				}
			}));
			acquired.addListener(done -> {
				if (!done.isSuccess()) {
					sink.error(new DeliveryFailure("cannot connect to " + origin + ": " + done.cause()));
					return;
				}
				WebhookExchange exchange = acquired.getNow().pipeline().get(WebhookExchange.class);
				if (exchange == null) {
					// Closed between the pool's health check and now (its handlers are gone with it).
					ended.ended(0, new WebhookExchange.StaleConnection("connection closed before the request"));
					return;
				}
				exchange.send(request.get(), ended);
			});
		});
	}

	@Override
	public void close() {
		pools.close();
		loops.disposeLater(Duration.ZERO, Duration.ofSeconds(5)).block(Duration.ofSeconds(10));
	}

	/** Where a webhook URL's requests go: scheme, host (without IPv6 brackets) and port. */
	record Origin(boolean secure, String host, int port) {

		static Origin of(URI url) {
			boolean secure = "https".equals(url.getScheme().toLowerCase(Locale.ROOT));
			String host = url.getHost();
			if (host.startsWith("[") && host.endsWith("]")) {
				host = host.substring(1, host.length() - 1);
			}
			int port = url.getPort() != -1 ? url.getPort() : secure ? 443 : 80;
			return new Origin(secure, host, port);
		}

		/** The Host header: the port only when it is not the scheme's own. */
		String authority() {
			String name = host.indexOf(':') >= 0 ? "[" + host + "]" : host;
			return port == (secure ? 443 : 80) ? name : name + ":" + port;
		}

		@Override
		public String toString() {
			return (secure ? "https://" : "http://") + authority();
		}
	}

	private final class PipelineSetUp extends AbstractChannelPoolHandler {

		private final Origin origin;

		PipelineSetUp(Origin origin) {
			this.origin = origin;
		}

		@Override
		public void channelCreated(Channel channel) {
			ChannelPipeline pipeline = channel.pipeline();
			if (origin.secure()) {
				pipeline.addLast(tlsFor(channel));
			}
			pipeline.addLast(new HttpClientCodec());
			pipeline.addLast(new IdleStateHandler(0, 0, IDLE.toSeconds(), TimeUnit.SECONDS));
			pipeline.addLast(new WebhookExchange(timeout));
		}

		/** TLS naming the host (SNI, unless it is an IP literal) and verifying that the certificate is the host's. */
		private SslHandler tlsFor(Channel channel) {
			SSLEngine engine = tls.newEngine(channel.alloc(), origin.host(), origin.port());
			SSLParameters parameters = engine.getSSLParameters();
			parameters.setEndpointIdentificationAlgorithm("HTTPS");
			if (!NetUtil.isValidIpV4Address(origin.host()) && !NetUtil.isValidIpV6Address(origin.host())) {
				parameters.setServerNames(List.of(new SNIHostName(origin.host())));
			}
			engine.setSSLParameters(parameters);
			SslHandler handler = new SslHandler(engine);
			handler.setHandshakeTimeoutMillis(timeout.toMillis());
			return handler;
		}
	}
}

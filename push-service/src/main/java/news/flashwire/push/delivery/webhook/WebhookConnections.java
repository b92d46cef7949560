package news.flashwire.push.delivery.webhook;

import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;

import io.netty.bootstrap.Bootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.ChannelOption;
import io.netty.channel.ChannelPipeline;
import io.netty.channel.EventLoop;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.socket.SocketChannel;
import io.netty.handler.codec.http.HttpClientCodec;
import io.netty.handler.ssl.SslContext;
import io.netty.handler.ssl.SslHandler;
import io.netty.util.NetUtil;
import news.flashwire.push.delivery.DeliveryFailure;
import reactor.netty.resources.LoopResources;

/**
 * Keep-alive HTTP/1.1 connections to webhook endpoints, on Netty's own client pieces: per origin (scheme, host, port)
 * an {@link OriginPool} of at most {@code perOrigin} persistent connections, each carrying one request at a time, all
 * on one event loop. A connection's pipeline (TLS for https, the HTTP codec, the {@link WebhookExchange}) is built
 * once, when it is opened; a request then costs its encoding and its response's decoding only. New connections
 * resolve through the {@link GuardedResolverGroup}, so they reach only addresses the SSRF guard checked. An origin's
 * pool is dropped, with its connections, once the origin has had no request for {@code idleOrigin}. Runs on event
 * loops of its own (native transport where available), which live as long as the sender: the shared ones of Reactor
 * Netty are disposed with any application context that used them.
 */
final class WebhookConnections implements AutoCloseable {

	private static final Duration IDLE_CONNECTION = Duration.ofSeconds(30);

	private final LoopResources loops;

	private final EventLoopGroup group;

	private final Bootstrap bootstrap;

	private final Map<Origin, OriginPool> pools = new ConcurrentHashMap<>();

	private final SslContext tls;

	private final Duration timeout;

	private final Duration idleOrigin;

	private final int perOrigin;

	private volatile boolean closed;

	WebhookConnections(WebhookAddressGuard guard, SslContext tls, Duration timeout, Duration idleOrigin, int perOrigin,
			int eventLoops) {
		this.loops = LoopResources.create("webhooks", eventLoops, true);
		this.tls = tls;
		this.timeout = timeout;
		this.idleOrigin = idleOrigin;
		this.perOrigin = perOrigin;
		this.group = loops.onClient(LoopResources.DEFAULT_NATIVE);
		this.bootstrap = new Bootstrap().group(group)
			.channel(loops.onChannelClass(SocketChannel.class, group))
			.resolver(new GuardedResolverGroup(guard))
			.option(ChannelOption.CONNECT_TIMEOUT_MILLIS, (int) timeout.toMillis())
			.option(ChannelOption.TCP_NODELAY, true);
	}

	/**
	 * Sends the request on one of the origin's connections and gives the response's status once the response was
	 * read. A reused connection that turns out closed before any of the response arrived (the server dropped it while
	 * idle) costs nothing: the request is sent once more on another connection (the receiver drops a duplicate by its
	 * webhook-id). Every other failure, and no answer within the timeout, is a {@link DeliveryFailure}.
	 */
	void exchange(Origin origin, WebhookRequest request, WebhookExchange.Ended ended) {
		if (closed) {
			ended.ended(0, new DeliveryFailure("shutting down"));
			return;
		}
		pool(origin).exchange(request, ended);
	}

	private OriginPool pool(Origin origin) {
		return pools.computeIfAbsent(origin, this::newPool);
	}

	private OriginPool newPool(Origin origin) {
		// One event loop per origin, for its pool and all its connections: a response, the release of its connection
		// and the next request (started by the host's freed slot) then run on one thread.
		EventLoop loop = group.next();
		Bootstrap toOrigin = bootstrap.clone(loop)
			.remoteAddress(InetSocketAddress.createUnresolved(origin.host(), origin.port()))
			.handler(new PipelineSetUp(origin));
		return new OriginPool(origin, loop, toOrigin, this, perOrigin, timeout.toNanos(), IDLE_CONNECTION.toNanos(),
				idleOrigin.toNanos());
	}

	/** Called by a pool that retires itself; the origin's next request makes a new one. */
	void forget(Origin origin, OriginPool pool) {
		pools.remove(origin, pool);
	}

	/** Origins with a pool now. */
	int origins() {
		return pools.size();
	}

	@Override
	public void close() {
		closed = true;
		pools.values().forEach(OriginPool::close);
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

	private final class PipelineSetUp extends ChannelInitializer<Channel> {

		private final Origin origin;

		PipelineSetUp(Origin origin) {
			this.origin = origin;
		}

		@Override
		protected void initChannel(Channel channel) {
			ChannelPipeline pipeline = channel.pipeline();
			if (origin.secure()) {
				pipeline.addLast(tlsFor(channel));
			}
			pipeline.addLast(new HttpClientCodec());
			pipeline.addLast(new WebhookExchange());
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

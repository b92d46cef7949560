package news.flashwire.push.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;

import javax.net.ssl.ExtendedSSLSession;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsExchange;
import com.sun.net.httpserver.HttpsServer;

import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.ssl.SslContextBuilder;
import io.netty.util.AttributeKey;
import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.DeliverySettings;
import news.flashwire.push.delivery.PermanentDeliveryFailure;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;
import reactor.netty.http.server.HttpServerRequest;
import reactor.netty.http.server.HttpServerResponse;

/**
 * The webhook client against real endpoints on 127.0.0.1: kept-alive connections, statuses, timeouts, hostile answers,
 * a server that drops a kept-alive connection, TLS with SNI and hostname verification.
 */
class WebhookSenderTests {

	private static final AttributeKey<AtomicInteger> REQUESTS_ON_CONNECTION = AttributeKey.valueOf("requests");

	private static final Duration TIMEOUT = Duration.ofSeconds(2);

	private final String secret = "whsec_" + Base64.getEncoder().encodeToString(randomBytes(32));

	private final Alert alert = breakingArabic();

	private final List<DisposableServer> servers = new ArrayList<>();

	private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger closedConnections = new AtomicInteger();

	private final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

	private WebhookSender sender;

	@BeforeEach
	void sender() {
		sender = senderTrusting(null);
	}

	@AfterEach
	void close() {
		sender.destroy();
		servers.forEach(DisposableServer::disposeNow);
	}

	@Test
	void postsSignedAlertsOverOneKeptAliveConnection() throws Exception {
		URI url = serve((request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send());

		for (int i = 0; i < 20; i++) {
			sender.send("delivery-" + i, alert, target(url), secret).block(Duration.ofSeconds(10));
		}

		assertThat(received).hasSize(20);
		assertThat(connections).hasValue(1);
		Map<String, String> first = received.get(0);
		assertThat(first).containsEntry("webhook-id", "delivery-0")
			.containsEntry("content-type", "application/json")
			.containsEntry(":path", "/hook?partner=7")
			.containsEntry("host", "127.0.0.1:" + url.getPort());
		new Webhook(secret).verify(first.get(":body"), headersOf(first));
		assertThat(first.get(":body")).contains("عاجل: فيضانات في الشمال");
	}

	@Test
	void concurrentRequestsToOneHostShareAtMostItsConnections() throws Exception {
		URI url = serve((request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send());

		for (int round = 0; round < 5; round++) {
			List<CompletableFuture<Void>> sent = new ArrayList<>();
			for (int i = 0; i < 32; i++) {
				sent.add(sender.send("delivery-" + round + "-" + i, alert, target(url), secret).toFuture());
			}
			CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
		}

		assertThat(received).hasSize(160);
		assertThat(connections.get()).isBetween(1, 32);
	}

	@Test
	void anOriginWithoutRequestsForItsIdleTimeIsDroppedWithItsConnections() throws Exception {
		sender.destroy();
		sender = senderWith(TIMEOUT, Duration.ofMillis(300));
		URI url = serve((request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send());

		sender.send("before", alert, target(url), secret).block(Duration.ofSeconds(10));
		assertThat(sender.pooledOrigins()).isEqualTo(1);

		await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
			assertThat(sender.pooledOrigins()).isZero();
			assertThat(closedConnections).hasValue(1);
		});
		sender.send("after", alert, target(url), secret).block(Duration.ofSeconds(10));

		assertThat(received).extracting(request -> request.get("webhook-id")).containsExactly("before", "after");
		assertThat(connections).hasValue(2);
		assertThat(sender.pooledOrigins()).isEqualTo(1);
	}

	@Test
	void answersAreSortedIntoDeliveredRetryableAndPermanent() throws Exception {
		Map<String, Integer> statuses = Map.of("/200", 200, "/204", 204, "/500", 500, "/503", 503, "/408", 408,
				"/429", 429, "/400", 400, "/410", 410, "/302", 302);
		URI base = serve((request, response) -> {
			int status = statuses.get(request.uri());
			if (status == 302) {
				response.header("location", "/200");
			}
			return response.status(status).sendString(Mono.just("answer " + status));
		});

		for (String ok : List.of("/200", "/204")) {
			sender.send("ok" + ok, alert, target(base.resolve(ok)), secret).block(Duration.ofSeconds(10));
		}
		for (String retry : List.of("/500", "/503", "/408", "/429")) {
			assertThatThrownBy(() -> sender.send("retry", alert, target(base.resolve(retry)), secret)
				.block(Duration.ofSeconds(10))).isInstanceOf(DeliveryFailure.class);
		}
		for (String permanent : List.of("/400", "/410", "/302")) {
			assertThatThrownBy(() -> sender.send("permanent", alert, target(base.resolve(permanent)), secret)
				.block(Duration.ofSeconds(10))).isInstanceOf(PermanentDeliveryFailure.class);
		}
		assertThat(received).extracting(request -> request.get(":path"))
			.as("the redirect is not followed")
			.containsExactly("/200", "/204", "/500", "/503", "/408", "/429", "/400", "/410", "/302");
		assertThat(connections).hasValue(1);
	}

	@Test
	void aHangingEndpointTimesOutHoldingOnlyItsOwnConnections() throws Exception {
		sender.destroy();
		sender = senderWithTimeout(Duration.ofSeconds(5));
		URI hanging = serve((request, response) -> Mono.never());
		URI healthy = serve((request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send());

		List<CompletableFuture<Void>> stuck = new ArrayList<>();
		for (int i = 0; i < 40; i++) {
			stuck.add(sender.send("stuck-" + i, alert, target(hanging), secret).toFuture());
		}
		await().atMost(Duration.ofSeconds(10)).until(() -> received.size() == 32);
		sender.send("healthy", alert, target(healthy), secret).block(Duration.ofSeconds(10));

		assertThat(stuck).noneMatch(CompletableFuture::isDone);
		for (CompletableFuture<Void> delivery : stuck) {
			assertThatThrownBy(delivery::join).hasCauseInstanceOf(DeliveryFailure.class);
		}
		assertThat(received).extracting(request -> request.get("webhook-id")).contains("healthy");
	}

	@Test
	void aMalformedAnswerIsARetryableFailureAndTheNextRequestGetsAFreshConnection() throws Exception {
		try (RawEndpoint endpoint = new RawEndpoint(connection -> "NOT HTTP AT ALL\r\n\r\n")) {
			assertThatThrownBy(() -> sender.send("malformed", alert, target(endpoint.url()), secret)
				.block(Duration.ofSeconds(10))).isInstanceOf(DeliveryFailure.class)
				.hasMessageContaining("malformed response");
		}
		try (RawEndpoint endpoint = new RawEndpoint(connection -> "HTTP/1.1 204 No Content\r\nx-big: "
				+ "x".repeat(64 * 1024) + "\r\n\r\n")) {
			assertThatThrownBy(() -> sender.send("huge-headers", alert, target(endpoint.url()), secret)
				.block(Duration.ofSeconds(10))).isInstanceOf(DeliveryFailure.class);
		}
		URI url = serve((request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send());
		sender.send("after", alert, target(url), secret).block(Duration.ofSeconds(10));
		assertThat(received).hasSize(1);
	}

	@Test
	void anOversizedBodyIsNotReadButItsStatusCountsAndTheConnectionIsNotReused() throws Exception {
		String huge = "x".repeat(1024 * 1024);
		URI url = serve((request, response) -> response.status(HttpResponseStatus.OK).sendString(Mono.just(huge)));

		sender.send("big-1", alert, target(url), secret).block(Duration.ofSeconds(10));
		sender.send("big-2", alert, target(url), secret).block(Duration.ofSeconds(10));

		assertThat(received).hasSize(2);
		assertThat(connections).hasValue(2);
	}

	@Test
	void aKeptAliveConnectionTheServerDropsCostsNoDelivery() throws Exception {
		// Answers the first request of each connection; drops the connection, unanswered, at its second request.
		URI url = serve((request, response) -> {
			AtomicInteger onConnection = new AtomicInteger();
			request.withConnection(connection -> onConnection
				.set(connection.channel().attr(REQUESTS_ON_CONNECTION).get().incrementAndGet()));
			if (onConnection.get() == 2) {
				return Mono.fromRunnable(() -> request.withConnection(connection -> connection.channel().close()))
					.then(Mono.never());
			}
			return response.status(HttpResponseStatus.NO_CONTENT).send();
		});

		sender.send("first", alert, target(url), secret).block(Duration.ofSeconds(10));
		sender.send("second", alert, target(url), secret).block(Duration.ofSeconds(10));

		assertThat(received).extracting(request -> request.get("webhook-id")).containsExactly("first", "second", "second");
		assertThat(connections).hasValue(2);
	}

	@Test
	void aConnectionClosedBeforeAnyAnswerOnAFreshConnectionIsRetryable() throws Exception {
		try (RawEndpoint endpoint = new RawEndpoint(connection -> null)) {
			assertThatThrownBy(() -> sender.send("closed", alert, target(endpoint.url()), secret)
				.block(Duration.ofSeconds(10))).isInstanceOf(DeliveryFailure.class);
			assertThat(endpoint.connections()).hasValue(1);
		}
	}

	@Test
	void aRefusedAddressIsNeverConnectedTo() throws Exception {
		URI url = serve((request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send());
		WebhookSettings settings = new WebhookSettings(List.of(), TIMEOUT, Duration.ofSeconds(30), Duration.ofMinutes(2),
				0);
		WebhookSender guarded = new WebhookSender(settings, new WebhookAddressGuard(settings), delivery(),
				clientTls(null));
		try {
			assertThatThrownBy(() -> guarded.send("refused", alert, target(url), secret).block(Duration.ofSeconds(10)))
				.isInstanceOf(PermanentDeliveryFailure.class);
		}
		finally {
			guarded.destroy();
		}
		assertThat(connections).hasValue(0);
	}

	/** A DNS outage cannot be made on loopback: the guard here finds no address, as it would during one. */
	@Test
	void aHostThatDoesNotResolveNowIsRetriedNotDeadLettered() throws Exception {
		URI url = serve((request, response) -> response.status(HttpResponseStatus.NO_CONTENT).send());
		WebhookSettings settings = new WebhookSettings(List.of("127.0.0.1/32"), TIMEOUT, Duration.ofSeconds(30),
				Duration.ofMinutes(2), 0);
		WebhookAddressGuard duringAnOutage = new WebhookAddressGuard(settings) {
			@Override
			public String refusalOf(URI webhook) {
				return UNRESOLVED;
			}
		};
		WebhookSender sender = new WebhookSender(settings, duringAnOutage, delivery(), clientTls(null));
		try {
			assertThatThrownBy(() -> sender.send("unresolved", alert, target(url), secret).block(Duration.ofSeconds(10)))
				.isInstanceOf(DeliveryFailure.class)
				.isNotInstanceOf(PermanentDeliveryFailure.class)
				.hasMessage("url host does not resolve");
		}
		finally {
			sender.destroy();
		}
	}

	@Test
	void httpsWebhooksNameTheHostAndVerifyItsCertificate() throws Exception {
		KeyStore keys = KeyStore.getInstance("PKCS12");
		try (InputStream in = getClass().getResourceAsStream("/webhooks/localhost-tls.p12")) {
			keys.load(in, "changeit".toCharArray());
		}
		X509Certificate certificate = (X509Certificate) keys.getCertificate("webhook");
		List<Object> serverNames = new CopyOnWriteArrayList<>();
		HttpsServer server = httpsServer(keys, serverNames);
		sender.destroy();
		sender = senderTrusting(certificate);
		try {
			int port = server.getAddress().getPort();
			sender.send("tls", alert, target(URI.create("https://localhost:" + port + "/hook")), secret)
				.block(Duration.ofSeconds(10));
			assertThat(serverNames).containsExactly(new SNIHostName("localhost"));

			// The same server by its IP address: the certificate names only localhost.
			assertThatThrownBy(() -> sender
				.send("wrong-name", alert, target(URI.create("https://127.0.0.1:" + port + "/hook")), secret)
				.block(Duration.ofSeconds(10))).isInstanceOf(DeliveryFailure.class);
			assertThat(serverNames).hasSize(1);
		}
		finally {
			server.stop(0);
		}
	}

	private WebhookSender senderWithTimeout(Duration timeout) {
		return senderWith(timeout, Duration.ofMinutes(2));
	}

	private WebhookSender senderWith(Duration timeout, Duration idleOrigin) {
		WebhookSettings settings = new WebhookSettings(List.of("127.0.0.1/32"), timeout, Duration.ofSeconds(30),
				idleOrigin, 0);
		return new WebhookSender(settings, new WebhookAddressGuard(settings), delivery(), clientTls(null));
	}

	private WebhookSender senderTrusting(X509Certificate certificate) {
		WebhookSettings settings = new WebhookSettings(List.of("127.0.0.1/32", "::1/128"), TIMEOUT,
				Duration.ofSeconds(30), Duration.ofMinutes(2), 0);
		return new WebhookSender(settings, new WebhookAddressGuard(settings), delivery(), clientTls(certificate));
	}

	private static io.netty.handler.ssl.SslContext clientTls(X509Certificate certificate) {
		try {
			SslContextBuilder tls = SslContextBuilder.forClient().endpointIdentificationAlgorithm("HTTPS");
			if (certificate != null) {
				tls.trustManager(certificate);
			}
			return tls.build();
		}
		catch (javax.net.ssl.SSLException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static DeliverySettings delivery() {
		return new DeliverySettings(Duration.ofHours(4), 32, 6, Duration.ofSeconds(5), 6, Duration.ofHours(2), 256,
				Duration.ofHours(24));
	}

	/** A Reactor Netty endpoint that records each request (path, headers, body) and counts connections. */
	private URI serve(
			java.util.function.BiFunction<HttpServerRequest, HttpServerResponse, org.reactivestreams.Publisher<Void>> answer) {
		DisposableServer server = HttpServer.create()
			.host("127.0.0.1")
			.port(0)
			.doOnChannelInit((observer, channel, address) -> {
				connections.incrementAndGet();
				channel.closeFuture().addListener(closed -> closedConnections.incrementAndGet());
				channel.attr(REQUESTS_ON_CONNECTION).set(new AtomicInteger());
			})
			.handle((request, response) -> request.receive().aggregate().asString(StandardCharsets.UTF_8)
				.defaultIfEmpty("")
				.flatMap(body -> {
					Map<String, String> seen = new HashMap<>();
					request.requestHeaders().forEach(header -> seen.put(header.getKey().toLowerCase(), header.getValue()));
					seen.put(":path", request.uri());
					seen.put(":body", body);
					received.add(seen);
					return Mono.from(answer.apply(request, response));
				}))
			.bindNow();
		servers.add(server);
		return URI.create("http://127.0.0.1:" + server.port() + "/hook?partner=7");
	}

	private static HttpsServer httpsServer(KeyStore keys, List<Object> serverNames) throws Exception {
		KeyManagerFactory keyManagers = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
		keyManagers.init(keys, "changeit".toCharArray());
		SSLContext tls = SSLContext.getInstance("TLS");
		tls.init(keyManagers.getKeyManagers(), null, null);
		HttpsServer server = HttpsServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), 0), 0);
		server.setHttpsConfigurator(new HttpsConfigurator(tls));
		server.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			serverNames.addAll(((ExtendedSSLSession) ((HttpsExchange) exchange).getSSLSession()).getRequestedServerNames());
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
		return server;
	}

	private static Map<String, List<String>> headersOf(Map<String, String> request) {
		Map<String, List<String>> headers = new HashMap<>();
		request.forEach((name, value) -> headers.put(name, List.of(value)));
		return headers;
	}

	private static WebhookTarget target(URI url) {
		return new WebhookTarget(url, "sealed");
	}

	private static byte[] randomBytes(int count) {
		byte[] bytes = new byte[count];
		new SecureRandom().nextBytes(bytes);
		return bytes;
	}

	private static Alert breakingArabic() {
		Story story = new Story("عاجل: فيضانات في الشمال", Edition.of("ar"), Urgency.BREAKING,
				URI.create("https://example.com/ar/floods"), "local", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("sender", UUID.randomUUID().toString()), 1, Alert.Kind.NEW, story,
				null);
	}

	/**
	 * A hostile endpoint: reads whatever a connection sends first, then writes the given bytes (none: it just closes)
	 * and closes. It writes bytes only; reading HTTP is left to the client under test.
	 */
	private static final class RawEndpoint implements AutoCloseable {

		private final ServerSocket socket;

		private final AtomicInteger connections = new AtomicInteger();

	private final AtomicInteger closedConnections = new AtomicInteger();

		RawEndpoint(Function<Socket, String> answer) throws Exception {
			socket = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
			Thread acceptor = new Thread(() -> {
				while (!socket.isClosed()) {
					try (Socket connection = socket.accept()) {
						connections.incrementAndGet();
						InputStream in = connection.getInputStream();
						in.read(new byte[64 * 1024]);
						String reply = answer.apply(connection);
						if (reply != null) {
							OutputStream out = connection.getOutputStream();
							out.write(reply.getBytes(StandardCharsets.US_ASCII));
							out.flush();
						}
					}
					catch (Exception ex) {
						// closed, or the client went away
					}
				}
			}, "raw-endpoint");
			acceptor.setDaemon(true);
			acceptor.start();
		}

		URI url() {
			return URI.create("http://127.0.0.1:" + socket.getLocalPort() + "/hook");
		}

		AtomicInteger connections() {
			return connections;
		}

		@Override
		public void close() throws Exception {
			socket.close();
		}
	}
}

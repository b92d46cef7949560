package news.flashwire.ingest.desk;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * push-service's audit endpoint as ingest sees it, on 127.0.0.1: it answers only the audit token, knows one alert,
 * fails for one and sends garbage for another, and keeps the Authorization headers it was sent.
 */
final class FakePushAudit implements AutoCloseable {

	static final String TOKEN = "test-audit-token";

	static final String KNOWN = "msg_newsroom_known_r1";

	static final String BROKEN = "msg_newsroom_broken_r1";

	static final String GARBAGE = "msg_newsroom_garbage_r1";

	private static final String AUDIT = """
			{"alertId":"msg_newsroom_known_r1","retrying":1,"stages":{
			 "MATCHED":{"count":5,"first":"2026-11-29T10:00:00Z","last":"2026-11-29T10:00:00Z"},
			 "DELIVERED":{"count":2,"first":"2026-11-29T10:00:01Z","last":"2026-11-29T10:00:02Z"},
			 "RETRIED":{"count":4,"first":"2026-11-29T10:00:01Z","last":"2026-11-29T10:00:03Z"},
			 "FAILED":{"count":1,"first":"2026-11-29T10:00:04Z","last":"2026-11-29T10:00:04Z"},
			 "EXPIRED":{"count":1,"first":"2026-11-29T10:00:05Z","last":"2026-11-29T10:00:05Z"},
			 "REMOVED":{"count":1,"first":"2026-11-29T10:00:06Z","last":"2026-11-29T10:00:06Z"}}}""";

	private final HttpServer server;

	private final List<String> authorizations = new CopyOnWriteArrayList<>();

	FakePushAudit() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/v1/alerts/", this::answer);
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	List<String> authorizations() {
		return List.copyOf(authorizations);
	}

	private void answer(HttpExchange exchange) throws IOException {
		String authorization = exchange.getRequestHeaders().getFirst("Authorization");
		authorizations.add(String.valueOf(authorization));
		String path = exchange.getRequestURI().getPath();
		if (!("Bearer " + TOKEN).equals(authorization)) {
			send(exchange, 401, "{\"status\":401}");
		}
		else if (path.equals("/v1/alerts/" + KNOWN + "/deliveries")) {
			send(exchange, 200, AUDIT);
		}
		else if (path.equals("/v1/alerts/" + BROKEN + "/deliveries")) {
			send(exchange, 500, "{\"status\":500}");
		}
		else if (path.equals("/v1/alerts/" + GARBAGE + "/deliveries")) {
			send(exchange, 200, "{\"stages\":[not json");
		}
		else {
			send(exchange, 404, "{\"status\":404}");
		}
	}

	private static void send(HttpExchange exchange, int status, String body) throws IOException {
		byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
		exchange.getResponseHeaders().set("Content-Type", "application/json");
		exchange.sendResponseHeaders(status, bytes.length);
		exchange.getResponseBody().write(bytes);
		exchange.close();
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

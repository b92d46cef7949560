package news.flashwire.push.delivery.webpush;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A push service on 127.0.0.1: takes messages at {@code /push/<id>}, answering 201; 410 for {@code /push/gone-…};
 * the status in the path for {@code /push/answer-<status>-…}; for {@code /push/busy-once-…} a 429 with
 * {@code Retry-After: 1} the first time, 201 after; for {@code /push/busy-long-…} a 429 with {@code Retry-After: 30}.
 */
public final class FakePushService implements AutoCloseable {

	/** One message as received. */
	public record Message(String path, Map<String, List<String>> headers, byte[] body, java.time.Instant at) {

		public String header(String name) {
			return headers.entrySet()
				.stream()
				.filter(entry -> entry.getKey().equalsIgnoreCase(name))
				.map(entry -> entry.getValue().get(0))
				.findFirst()
				.orElse("");
		}
	}

	private final HttpServer server;

	private final List<Message> messages = new CopyOnWriteArrayList<>();

	public FakePushService() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/push", exchange -> {
			String path = exchange.getRequestURI().getPath();
			messages.add(new Message(path, Map.copyOf(exchange.getRequestHeaders()), exchange.getRequestBody().readAllBytes(),
					java.time.Instant.now()));
			exchange.sendResponseHeaders(status(path, exchange.getResponseHeaders()), -1);
			exchange.close();
		});
		server.start();
	}

	private int status(String path, com.sun.net.httpserver.Headers answer) {
		if (path.startsWith("/push/gone-")) {
			return 410;
		}
		if (path.startsWith("/push/answer-")) {
			return Integer.parseInt(path.substring("/push/answer-".length()).split("-")[0]);
		}
		if (path.startsWith("/push/busy-once-") && messages.stream().filter(m -> m.path().equals(path)).count() == 1) {
			answer.set("Retry-After", "1");
			return 429;
		}
		if (path.startsWith("/push/busy-long-")) {
			answer.set("Retry-After", "30");
			return 429;
		}
		return 201;
	}

	public String endpoint(String id) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/push/" + id;
	}

	public List<Message> messages() {
		return List.copyOf(messages);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

package news.flashwire.push.delivery.webhook;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import com.sun.net.httpserver.HttpServer;

/** A partner's webhook endpoint on 127.0.0.1 that records what it receives. */
public final class WebhookReceiver implements AutoCloseable {

	/** One POST as received: its headers (lower-case names) and body. */
	public record Received(Map<String, List<String>> headers, String body) {

		public String header(String name) {
			return headers.getOrDefault(name, List.of("")).get(0);
		}
	}

	private final HttpServer server;

	// Many at once, as a partner's server would: a fan-out sends to all its webhooks together.
	private final ExecutorService threads = Executors.newFixedThreadPool(8);

	private final List<Received> received = new CopyOnWriteArrayList<>();

	public WebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(threads);
		server.createContext("/hook", exchange -> {
			String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
			Map<String, List<String>> headers = new java.util.HashMap<>();
			exchange.getRequestHeaders().forEach((name, values) -> headers.put(name.toLowerCase(), values));
			received.add(new Received(headers, body));
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
	}

	public String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	public List<Received> received() {
		return List.copyOf(received);
	}

	@Override
	public void close() {
		server.stop(0);
		threads.shutdownNow();
	}
}

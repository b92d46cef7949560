package news.flashwire.push.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

import com.sun.net.httpserver.HttpServer;

/**
 * Many partners' webhook endpoints on 127.0.0.1 ({@code /hook/<n>}) that hold every answer until the gate opens,
 * and record what each received (deduplicated by webhook-id, as a receiver does).
 */
final class GatedWebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newFixedThreadPool(64);

	private final CountDownLatch gate = new CountDownLatch(1);

	private final List<String> requests = new CopyOnWriteArrayList<>();

	private final Set<String> deduplicated = ConcurrentHashMap.newKeySet();

	private final Set<String> webhookIds = ConcurrentHashMap.newKeySet();

	GatedWebhookReceiver() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.setExecutor(threads);
		server.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			String id = exchange.getRequestHeaders().getFirst("webhook-id");
			requests.add(exchange.getRequestURI().getPath());
			webhookIds.add(String.valueOf(id));
			try {
				gate.await(30, TimeUnit.SECONDS);
			}
			catch (InterruptedException ex) {
				Thread.currentThread().interrupt();
			}
			deduplicated.add(exchange.getRequestURI().getPath() + " " + id);
			exchange.sendResponseHeaders(204, -1);
			exchange.close();
		});
		server.start();
	}

	String url(int subscriber) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook/" + subscriber;
	}

	int requestsSoFar() {
		return requests.size();
	}

	void open() {
		gate.countDown();
	}

	/** How many requests reached the subscriber, answered or not. */
	long requestsTo(int subscriber) {
		return requests.stream().filter(path -> path.equals("/hook/" + subscriber)).count();
	}

	/** The webhook-ids of every request so far. */
	Set<String> webhookIds() {
		return Set.copyOf(webhookIds);
	}

	/** Whether the subscriber answered the delivery with this webhook-id (at least once). */
	boolean received(int subscriber, String webhookId) {
		return deduplicated.contains("/hook/" + subscriber + " " + webhookId);
	}

	@Override
	public void close() {
		open();
		server.stop(0);
		threads.shutdownNow();
	}
}

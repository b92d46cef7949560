package news.flashwire.push.delivery;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;

import com.sun.net.httpserver.HttpServer;

/**
 * A partner's webhook endpoint on 127.0.0.1 that answers with the given statuses in turn (the last one from then on),
 * and records the webhook-id of every request.
 */
final class ScriptedWebhookReceiver implements AutoCloseable {

	private final HttpServer server;

	private final Queue<Integer> answers;

	private final int lastAnswer;

	private final List<String> webhookIds = new CopyOnWriteArrayList<>();

	ScriptedWebhookReceiver(int... statuses) throws IOException {
		answers = new ConcurrentLinkedQueue<>();
		for (int status : statuses) {
			answers.add(status);
		}
		lastAnswer = statuses[statuses.length - 1];
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/hook", exchange -> {
			exchange.getRequestBody().readAllBytes();
			webhookIds.add(exchange.getRequestHeaders().getFirst("webhook-id"));
			Integer status = answers.poll();
			exchange.sendResponseHeaders(status != null ? status : lastAnswer, -1);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
	}

	List<String> webhookIds() {
		return List.copyOf(webhookIds);
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

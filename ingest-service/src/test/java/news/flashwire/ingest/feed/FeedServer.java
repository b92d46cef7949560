package news.flashwire.ingest.feed;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

/**
 * A feed publisher on 127.0.0.1: serves documents with an {@code ETag} (or only a {@code Last-Modified} date) and
 * answers {@code 304} to a matching {@code If-None-Match} (or {@code If-Modified-Since}); can hang, redirect, or answer an error; records every request it gets.
 */
final class FeedServer implements AutoCloseable {

	private final HttpServer server;

	private final ExecutorService threads = Executors.newCachedThreadPool();

	private final Map<String, Answer> answers = new ConcurrentHashMap<>();

	private final List<Request> requests = new CopyOnWriteArrayList<>();

	private final AtomicInteger hanging = new AtomicInteger();

	private final CountDownLatch closing = new CountDownLatch(1);

	FeedServer() {
		try {
			server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		server.setExecutor(threads);
		server.createContext("/", this::handle);
		server.start();
	}

	String url(String path) {
		return "http://127.0.0.1:" + server.getAddress().getPort() + path;
	}

	void serve(String path, byte[] document, String contentType) {
		answers.put(path, new Answer(200, document, contentType, etagOf(document), null, null));
	}

	/** Serves a document with only a {@code Last-Modified} date, answering {@code 304} to that If-Modified-Since. */
	void serveDated(String path, byte[] document, String contentType, String lastModified) {
		answers.put(path, new Answer(200, document, contentType, null, null, lastModified));
	}

	void hang(String path) {
		answers.put(path, new Answer(-1, new byte[0], null, null, null, null));
	}

	void redirect(String path, String location) {
		answers.put(path, new Answer(301, new byte[0], null, null, location, null));
	}

	void fail(String path, int status) {
		answers.put(path, new Answer(status, new byte[0], null, null, null, null));
	}

	List<Request> requestsTo(String path) {
		return requests.stream().filter(request -> request.path().equals(path)).toList();
	}

	/** Requests that are waiting for an answer that never comes. */
	int hangingNow() {
		return hanging.get();
	}

	private void handle(HttpExchange exchange) throws IOException {
		String path = exchange.getRequestURI().getPath();
		String ifNoneMatch = exchange.getRequestHeaders().getFirst("If-None-Match");
		String ifModifiedSince = exchange.getRequestHeaders().getFirst("If-Modified-Since");
		requests.add(new Request(path, ifNoneMatch, ifModifiedSince));
		Answer answer = answers.get(path);
		try (exchange) {
			if (answer == null) {
				exchange.sendResponseHeaders(404, -1);
			}
			else if (answer.status() == -1) {
				hangUntilClosed();
			}
			else if (answer.location() != null) {
				exchange.getResponseHeaders().set("Location", answer.location());
				exchange.sendResponseHeaders(answer.status(), -1);
			}
			else if (answer.etag() != null && answer.etag().equals(ifNoneMatch)) {
				exchange.getResponseHeaders().set("ETag", answer.etag());
				exchange.sendResponseHeaders(304, -1);
			}
			else if (answer.lastModified() != null && answer.lastModified().equals(ifModifiedSince)) {
				exchange.getResponseHeaders().set("Last-Modified", answer.lastModified());
				exchange.sendResponseHeaders(304, -1);
			}
			else if (answer.status() != 200) {
				exchange.sendResponseHeaders(answer.status(), -1);
			}
			else {
				exchange.getResponseHeaders().set("Content-Type", answer.contentType());
				if (answer.etag() != null) {
					exchange.getResponseHeaders().set("ETag", answer.etag());
				}
				if (answer.lastModified() != null) {
					exchange.getResponseHeaders().set("Last-Modified", answer.lastModified());
				}
				exchange.sendResponseHeaders(200, answer.body().length);
				exchange.getResponseBody().write(answer.body());
			}
		}
	}

	private void hangUntilClosed() {
		hanging.incrementAndGet();
		try {
			closing.await();
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
		finally {
			hanging.decrementAndGet();
		}
	}

	static String etagOf(byte[] document) {
		try {
			return "\"" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(document), 0, 8) + "\"";
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	@Override
	public void close() {
		closing.countDown();
		server.stop(0);
		threads.shutdownNow();
	}

	record Request(String path, String ifNoneMatch, String ifModifiedSince) {
	}

	private record Answer(int status, byte[] body, String contentType, String etag, String location,
			String lastModified) {
	}
}

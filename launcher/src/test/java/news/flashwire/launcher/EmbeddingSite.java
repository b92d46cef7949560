package news.flashwire.launcher;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

import com.sun.net.httpserver.HttpServer;

/** A news site on 127.0.0.1 that embeds the ticker widget of the Arabic edition, as any site would. */
final class EmbeddingSite implements AutoCloseable {

	private final HttpServer server;

	EmbeddingSite(int tickerPort) throws IOException {
		String ticker = "http://127.0.0.1:" + tickerPort;
		byte[] page = """
				<!doctype html>
				<html lang="ar" dir="rtl">
				<head><meta charset="utf-8"><title>موقع إخباري</title></head>
				<body>
				  <h1>موقع إخباري</h1>
				  <script src="%s/widget.js"></script>
				  <flashwire-ticker edition="ar"></flashwire-ticker>
				</body>
				</html>
				""".formatted(ticker).getBytes(StandardCharsets.UTF_8);
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			exchange.getResponseHeaders().set("Content-Type", "text/html; charset=utf-8");
			exchange.sendResponseHeaders(200, page.length);
			exchange.getResponseBody().write(page);
			exchange.close();
		});
		server.start();
	}

	String url() {
		return "http://127.0.0.1:" + server.getAddress().getPort() + "/";
	}

	@Override
	public void close() {
		server.stop(0);
	}
}

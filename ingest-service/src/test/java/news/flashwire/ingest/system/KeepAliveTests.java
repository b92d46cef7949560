package news.flashwire.ingest.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.RepeatedTest;
import reactor.core.publisher.Mono;
import reactor.netty.DisposableServer;
import reactor.netty.http.server.HttpServer;

/**
 * Every service answers HTTP through Reactor Netty's server, and before 1.3.8 it could stop reading a kept-alive
 * connection: a request that arrived while the previous response was still finishing was buffered, and once it had
 * been answered at once nothing read the connection again, so the next request on it never got an answer (an
 * editor's page or an agency posting in a loop would hang). This pins the version the build takes to one without it.
 */
class KeepAliveTests {

	private static final Pattern STATUS_LINE = Pattern.compile("HTTP/1\\.1 \\d{3} ");

	private final DisposableServer server = HttpServer.create()
		.host("127.0.0.1")
		.port(0)
		.handle((request, response) -> response.sendString(request.uri().equals("/later")
				? Mono.delay(Duration.ofMillis(50)).thenReturn("later") : Mono.just("now")))
		.bindNow();

	@AfterEach
	void stop() {
		server.disposeNow();
	}

	@RepeatedTest(3)
	void answersTheRequestAfterTwoThatArrivedTogether() throws IOException {
		try (Socket socket = new Socket("127.0.0.1", server.port())) {
			socket.setSoTimeout(3_000);
			StringBuilder received = new StringBuilder();
			write(socket, request("/later") + request("/now"));
			assertThat(readUntil(socket, received, 2)).isEqualTo(2);

			write(socket, request("/now"));

			assertThat(readUntil(socket, received, 3)).as("answers on one connection: %s", received).isEqualTo(3);
		}
	}

	private static String request(String path) {
		return "GET " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";
	}

	private static void write(Socket socket, String requests) throws IOException {
		socket.getOutputStream().write(requests.getBytes(StandardCharsets.US_ASCII));
		socket.getOutputStream().flush();
	}

	/** Reads until {@code wanted} answers have arrived in all, or the connection stays silent for three seconds. */
	private static int readUntil(Socket socket, StringBuilder received, int wanted) throws IOException {
		InputStream in = socket.getInputStream();
		byte[] buffer = new byte[8192];
		int answers = count(received);
		try {
			while (answers < wanted) {
				int read = in.read(buffer);
				if (read < 0) {
					break;
				}
				received.append(new String(buffer, 0, read, StandardCharsets.ISO_8859_1));
				answers = count(received);
			}
		}
		catch (SocketTimeoutException silent) {
			// fewer answers than requests: the assertion says so
		}
		return answers;
	}

	private static int count(CharSequence received) {
		Matcher matcher = STATUS_LINE.matcher(received);
		int found = 0;
		while (matcher.find()) {
			found++;
		}
		return found;
	}
}

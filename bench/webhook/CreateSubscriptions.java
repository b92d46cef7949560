import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Creates webhook subscriptions through push-service's API, CONCURRENCY at a time.
 *
 *   java CreateSubscriptions.java PUSH_URL COUNT HOSTS SINK_PORT [CONCURRENCY]
 *
 * Subscription i points at http://127.0.1.(1 + i % HOSTS):SINK_PORT/hook/i (HOSTS distinct loopback
 * addresses stand for as many partner hosts). Prints the status counts and the creation rate.
 */
public class CreateSubscriptions {
	public static void main(String[] args) throws Exception {
		String push = args[0];
		int count = Integer.parseInt(args[1]);
		int hosts = Integer.parseInt(args[2]);
		int sinkPort = Integer.parseInt(args[3]);
		int concurrency = args.length > 4 ? Integer.parseInt(args[4]) : 64;
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
			.connectTimeout(Duration.ofSeconds(10)).build();
		Semaphore inFlight = new Semaphore(concurrency);
		Map<Integer, AtomicInteger> statuses = new ConcurrentHashMap<>();
		AtomicInteger done = new AtomicInteger();
		long start = System.nanoTime();
		for (int i = 0; i < count; i++) {
			inFlight.acquire();
			String url = "http://127.0.1." + (1 + i % hosts) + ":" + sinkPort + "/hook/" + i;
			HttpRequest request = HttpRequest.newBuilder(URI.create(push + "/v1/subscriptions"))
				.header("Content-Type", "application/json")
				.timeout(Duration.ofSeconds(30))
				.POST(HttpRequest.BodyPublishers.ofString("{\"url\":\"" + url + "\"}"))
				.build();
			http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
				int status = error != null ? -1 : response.statusCode();
				statuses.computeIfAbsent(status, key -> new AtomicInteger()).incrementAndGet();
				int n = done.incrementAndGet();
				if (n % 10_000 == 0) {
					System.out.printf("  %d created (%.1f s)%n", n, (System.nanoTime() - start) / 1e9);
				}
				inFlight.release();
			});
		}
		inFlight.acquire(concurrency);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("created %d subscriptions in %.1f s (%.0f/s), statuses %s%n", count, seconds, count / seconds,
				new TreeMap<>(statuses));
	}
}

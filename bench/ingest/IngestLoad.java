import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Stories accepted per second through ingest's HTTP API as agency afp: REQUESTS posts of BATCH ninjs documents
 * each (BATCH 1 = one document per request, else a JSON array), CONCURRENCY requests in flight. Every story is
 * new (unique uri, a headline with a unique figure so no near-duplicate link). Counts "published" results.
 *
 *   java IngestLoad.java INGEST_URL REQUESTS BATCH CONCURRENCY LABEL
 */
public class IngestLoad {
	public static void main(String[] args) throws Exception {
		String ingest = args[0];
		int requests = Integer.parseInt(args[1]);
		int batch = Integer.parseInt(args[2]);
		int concurrency = Integer.parseInt(args[3]);
		String label = args[4];
		String run = Long.toString(System.nanoTime(), 36);
		String auth = "Basic " + Base64.getEncoder().encodeToString("afp:afp-secret".getBytes(StandardCharsets.UTF_8));
		HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
		Semaphore inFlight = new Semaphore(concurrency);
		Map<Integer, AtomicLong> statuses = new ConcurrentHashMap<>();
		AtomicLong published = new AtomicLong();
		long start = System.nanoTime();
		for (int r = 0; r < requests; r++) {
			StringBuilder body = new StringBuilder(batch > 1 ? "[" : "");
			for (int i = 0; i < batch; i++) {
				long n = (long) r * batch + i;
				if (i > 0) {
					body.append(',');
				}
				body.append("{\"uri\":\"urn:bench:").append(run).append(':').append(n)
					.append("\",\"language\":\"en\",\"headlines\":[{\"role\":\"main\",\"value\":\"Bench story ")
					.append(run).append(" number ").append(n)
					.append(" with a headline of ordinary length for an agency wire item\"}],\"urgency\":5,\"version\":\"1\"}");
			}
			if (batch > 1) {
				body.append(']');
			}
			inFlight.acquire();
			HttpRequest request = HttpRequest.newBuilder(URI.create(ingest + "/v1/agencies/afp/stories"))
				.header("Content-Type", "application/json").header("Authorization", auth)
				.timeout(Duration.ofSeconds(60))
				.POST(HttpRequest.BodyPublishers.ofString(body.toString())).build();
			http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, error) -> {
				int status = error != null ? -1 : response.statusCode();
				statuses.computeIfAbsent(status, key -> new AtomicLong()).incrementAndGet();
				if (error == null) {
					String text = response.body();
					int at = 0;
					while ((at = text.indexOf("\"published\"", at)) >= 0) {
						published.incrementAndGet();
						at++;
					}
				}
				inFlight.release();
			});
		}
		inFlight.acquire(concurrency);
		double seconds = (System.nanoTime() - start) / 1e9;
		System.out.printf("%s: %d requests x %d documents, %d in flight: %d published in %.1f s = %.0f stories/s; HTTP %s%n",
				label, requests, batch, concurrency, published.get(), seconds, published.get() / seconds,
				new TreeMap<>(statuses));
	}
}

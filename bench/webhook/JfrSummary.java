import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;

/**
 * Where push-service's time went during a profiled fan-out: JFR execution samples by thread, by part of the delivery
 * path (a sample counts in every part its stack touches) and by top frame; allocation samples by thread.
 *
 *   java bench/webhook/JfrSummary.java push.jfr [DELIVERIES]
 */
public class JfrSummary {

	static final Map<String, List<String>> PARTS = new LinkedHashMap<>();
	static {
		PARTS.put("webhook client (pool, exchange, request, Netty HTTP codec)",
				List.of("news.flashwire.push.delivery.webhook.OriginPool", "news.flashwire.push.delivery.webhook.WebhookExchange",
						"news.flashwire.push.delivery.webhook.WebhookConnections", "news.flashwire.push.delivery.webhook.WebhookRequest",
						"io.netty.handler.codec.http", "io.netty.channel.pool"));
		PARTS.put("Netty transport and event loop (epoll, buffers)",
				List.of("io.netty.channel.epoll", "io.netty.channel.nio", "io.netty.buffer", "io.netty.channel.ChannelOutboundBuffer"));
		PARTS.put("Reactor operators", List.of("reactor.core"));
		PARTS.put("fan-out path (FanOutRun, FirstAttempt, DeliveryAttempt)",
				List.of("news.flashwire.push.alert.FanOutRun", "news.flashwire.push.delivery.FirstAttempt",
						"news.flashwire.push.delivery.DeliveryAttempt"));
		PARTS.put("host slots", List.of("news.flashwire.push.delivery.HostSlots"));
		PARTS.put("Kafka client", List.of("org.apache.kafka"));
		PARTS.put("Jackson", List.of("tools.jackson", "com.fasterxml"));
		PARTS.put("audit listener", List.of("news.flashwire.push.audit.AlertAudit", "news.flashwire.push.audit.LastOutcomes"));
		PARTS.put("fan-out (matching, grouping)", List.of("news.flashwire.push.alert.FanOut.", "news.flashwire.push.subscription"));
		PARTS.put("HMAC signing", List.of("news.flashwire.push.delivery.webhook.WebhookSignature", "javax.crypto.Mac"));
		PARTS.put("secret opening (AES-GCM)", List.of("news.flashwire.push.secret"));
		PARTS.put("outcomes (queue, batching, send)", List.of("news.flashwire.push.audit.Outcomes"));
	}

	public static void main(String[] args) throws Exception {
		long deliveries = args.length > 1 ? Long.parseLong(args[1]) : 0;
		Map<String, Integer> byThread = new HashMap<>();
		Map<String, Integer> byPart = new LinkedHashMap<>();
		Map<String, Integer> byTop = new HashMap<>();
		Map<String, Long> allocated = new HashMap<>();
		java.util.Set<Long> seen = new java.util.HashSet<>();
		int samples = 0;
		for (RecordedEvent event : RecordingFile.readAllEvents(Path.of(args[0]))) {
			String type = event.getEventType().getName();
			if (type.equals("jdk.ObjectAllocationSample")) {
				String thread = event.getThread("eventThread") == null ? "?" : name(event.getThread("eventThread").getJavaName());
				// A thread's first sample weighs what it allocated since its last sample before the recording began.
				if (seen.add(event.getThread("eventThread") == null ? 0 : event.getThread("eventThread").getJavaThreadId())) {
					continue;
				}
				allocated.merge(thread, event.getLong("weight"), Long::sum);
				continue;
			}
			if (!type.equals("jdk.ExecutionSample") || event.getStackTrace() == null) {
				continue;
			}
			samples++;
			byThread.merge(name(event.getThread("sampledThread").getJavaName()), 1, Integer::sum);
			List<RecordedFrame> frames = event.getStackTrace().getFrames();
			if (!frames.isEmpty()) {
				RecordedFrame top = frames.get(0);
				byTop.merge(top.getMethod().getType().getName() + "." + top.getMethod().getName(), 1, Integer::sum);
			}
			PARTS.forEach((part, prefixes) -> {
				boolean touches = frames.stream()
					.map(frame -> frame.getMethod().getType().getName() + "." + frame.getMethod().getName())
					.anyMatch(method -> prefixes.stream().anyMatch(method::startsWith));
				if (touches) {
					byPart.merge(part, 1, Integer::sum);
				}
			});
		}
		System.out.printf("JFR execution samples during the fan-out: %d%n", samples);
		print("by thread:", byThread, samples, 12);
		print("samples whose stack touches (a sample can count in several):", byPart, samples, 20);
		print("top frames:", byTop, samples, 25);
		long total = allocated.values().stream().mapToLong(Long::longValue).sum();
		System.out.printf("allocation samples (weight, i.e. estimated bytes; each thread's first left out): %,d MB in all%s%n", total >> 20,
				deliveries > 0 ? String.format(" (%,d bytes per delivery)", total / deliveries) : "");
		allocated.entrySet().stream().sorted(Map.Entry.<String, Long>comparingByValue().reversed()).limit(8)
			.forEach(entry -> System.out.printf("  %,10d MB%s  %s%n", entry.getValue() >> 20,
					deliveries > 0 ? String.format(" (%,d bytes per delivery)", entry.getValue() / deliveries) : "",
					entry.getKey()));
	}

	static String name(String thread) {
		return thread == null ? "?" : thread.replaceAll("\\d+", "N");
	}

	static void print(String title, Map<String, Integer> counts, int samples, int limit) {
		System.out.println(title);
		counts.entrySet().stream().sorted(Map.Entry.<String, Integer>comparingByValue().reversed()).limit(limit)
			.forEach(entry -> System.out.printf("  %6d %5.1f %%  %s%n", entry.getValue(), 100.0 * entry.getValue() / samples,
					entry.getKey()));
	}
}

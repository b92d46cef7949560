package news.flashwire.ingest.publish;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.jspecify.annotations.Nullable;
import org.springframework.kafka.core.KafkaOperations;
import org.springframework.kafka.core.KafkaTemplate;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import io.micrometer.tracing.TraceContext;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;

/**
 * The publisher's Kafka transactions, observed once per transaction rather than once per record: one
 * {@code flashwire.ingest.publish} observation (a span and a timer) around the transaction, whose trace context is
 * written into the headers of every record sent in it, so ticker and push still carry the trace on. The
 * {@code KafkaTemplate}'s own observation of each record (a span started, scoped and finished per record) took about
 * an eighth of ingest's CPU in batches (docs/BENCHMARKS.md, issue 3); the template's other users keep it.
 */
final class TracedTransactions {

	static final String OBSERVATION = "flashwire.ingest.publish";

	private final KafkaTemplate<String, Object> kafka;

	private final ObservationRegistry observations;

	private final @Nullable Tracer tracer;

	private final @Nullable Propagator propagator;

	TracedTransactions(KafkaTemplate<String, Object> template, ObservationRegistry observations,
			@Nullable Tracer tracer, @Nullable Propagator propagator) {
		// Same producers (and transactional ids) as the application's template, without its per-record observation.
		this.kafka = new KafkaTemplate<>(template.getProducerFactory());
		this.kafka.setObservationEnabled(false);
		this.kafka.setMicrometerEnabled(false);
		this.observations = observations;
		this.tracer = tracer;
		this.propagator = propagator;
	}

	/** What one transaction sends: records that get {@link Trace#onto} before they are sent. */
	interface Sends {

		void sendAll(KafkaOperations<String, Object> operations, Trace trace);
	}

	/**
	 * Runs {@code sends} in one transaction, then {@code committed} once it is committed, still in the transaction's
	 * trace (so what it logs carries the trace id of the records); throws when the commit fails.
	 */
	void execute(int records, Sends sends, Runnable committed) {
		Observation.createNotStarted(OBSERVATION, observations)
			.contextualName("publish")
			.highCardinalityKeyValue("flashwire.records", Integer.toString(records))
			.observe(() -> {
				kafka.executeInTransaction(operations -> {
					sends.sendAll(operations, currentTrace());
					return true;
				});
				committed.run();
			});
	}

	private Trace currentTrace() {
		TraceContext context = tracer != null ? tracer.currentTraceContext().context() : null;
		if (context == null || propagator == null) {
			return Trace.NONE;
		}
		Map<String, String> fields = new LinkedHashMap<>();
		propagator.inject(context, fields, (carrier, key, value) -> {
			if (carrier != null) {
				carrier.put(key, value);
			}
		});
		List<Header> headers = new ArrayList<>(fields.size());
		fields.forEach((key, value) -> headers.add(new RecordHeader(key, value.getBytes(StandardCharsets.UTF_8))));
		return new Trace(List.copyOf(headers));
	}

	/** The trace headers (W3C {@code traceparent}) of a transaction, the same for each of its records. */
	record Trace(List<Header> headers) {

		static final Trace NONE = new Trace(List.of());

		<K, V> ProducerRecord<K, V> onto(ProducerRecord<K, V> record) {
			headers.forEach(record.headers()::add);
			return record;
		}
	}
}

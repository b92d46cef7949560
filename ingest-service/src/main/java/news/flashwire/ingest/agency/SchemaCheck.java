package news.flashwire.ingest.agency;

import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import com.networknt.schema.Error;

import io.micrometer.core.instrument.MeterRegistry;
import tools.jackson.databind.JsonNode;

/**
 * Checks a delivered document against its IPTC ninjs schema. Real agency copy often does not validate, so for a
 * trusted agency (the default) a violation is only recorded (a log line and
 * {@code flashwire_ingest_schema_violations_total{agency}}); for an agency configured with {@code validate: gate} it
 * refuses the document.
 */
@Component
class SchemaCheck {

	private static final Logger log = LoggerFactory.getLogger(SchemaCheck.class);

	private static final int LISTED = 5;

	private final MeterRegistry meters;

	SchemaCheck(MeterRegistry meters) {
		this.meters = meters;
	}

	void check(String agency, JsonNode document, AgencySettings.Source source) {
		if (!document.isObject()) {
			return;
		}
		List<Error> violations = NinjsSchemas.violations(document);
		if (violations.isEmpty()) {
			return;
		}
		List<String> first = violations.stream().limit(LISTED).map(SchemaCheck::describe).toList();
		if (source.validate() == AgencySettings.Validation.GATE) {
			throw new SchemaViolations(NinjsSchemas.versionOf(document), first);
		}
		meters.counter("flashwire.ingest.schema.violations", "agency", agency).increment();
		log.info("Document from {} does not match ninjs {}: {}", agency, NinjsSchemas.versionOf(document), first);
	}

	private static String describe(Error error) {
		return error.getInstanceLocation() + ": " + error.getMessage();
	}
}

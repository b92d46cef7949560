package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

import org.junit.jupiter.api.Test;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import news.flashwire.common.event.EventJson;
import tools.jackson.databind.JsonNode;

/** A schema violation is counted for a trusted agency and refuses the document at the gate. */
class SchemaCheckTests {

	private final SimpleMeterRegistry meters = new SimpleMeterRegistry();

	private final SchemaCheck check = new SchemaCheck(meters);

	// ninjs 3.0 wants urgency to be a number from 1 to 9, and "type" to be one of its types.
	private final JsonNode invalid = EventJson.MAPPER.readTree("""
			{"uri":"urn:x","standard":{"name":"ninjs","version":"3.0"},"type":"story","urgency":"high",
			"headlines":[{"role":"main","value":"A"}],"language":"en"}""");

	@Test
	void recordsAViolationOfATrustedAgencyAndLetsTheDocumentThrough() {
		check.check("afp", invalid, trusted());
		check.check("afp", invalid, trusted());

		assertThat(meters.counter("flashwire.ingest.schema.violations", "agency", "afp").count()).isEqualTo(2);
	}

	@Test
	void refusesAViolationAtTheGateListingIt() {
		assertThatExceptionOfType(SchemaViolations.class)
			.isThrownBy(() -> check.check("wire", invalid, new AgencySettings.Source(1, 2, AgencySettings.Validation.GATE)))
			.satisfies(ex -> assertThat(ex.getBody().getDetail()).contains("ninjs 3.0").contains("urgency"));
	}

	@Test
	void passesAValidDocument() {
		check.check("afp", EventJson.MAPPER.readTree(AgencyStories.routineEnglish(AgencyStories.uniqueUri())),
				new AgencySettings.Source(1, 2, AgencySettings.Validation.GATE));
		assertThat(meters.getMeters()).isEmpty();
	}

	private static AgencySettings.Source trusted() {
		return new AgencySettings.Source(1, 2, AgencySettings.Validation.DIAGNOSTIC);
	}
}

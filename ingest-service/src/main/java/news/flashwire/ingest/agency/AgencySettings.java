package news.flashwire.ingest.agency;

import java.util.Map;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.ConstructorBinding;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Per-agency rules, e.g. {@code flashwire.ingest.agency.sources.afp.breaking-at-most=2}: the IPTC urgencies (1-9, 1
 * highest) that count as breaking and urgent for that agency, and whether schema violations refuse its documents
 * ({@code validate: gate}) or are only recorded ({@code diagnostic}), and its {@link AgencyDialect}. Agencies not listed use {@code defaults}. A request holds
 * at most {@code maxDocuments} documents and {@code maxRequestSize} bytes (room for a batch); each document at most
 * {@code maxDocumentSize}.
 */
@ConfigurationProperties("flashwire.ingest.agency")
record AgencySettings(@DefaultValue Map<String, Source> sources, @DefaultValue Source defaults,
		@DefaultValue("500") int maxDocuments, @DefaultValue("1MB") DataSize maxDocumentSize,
		@DefaultValue("8MB") DataSize maxRequestSize) {

	AgencySettings {
		if (maxDocumentSize.toBytes() < 1 || maxRequestSize.toBytes() < 1 || maxRequestSize.toBytes() > Integer.MAX_VALUE) {
			throw new IllegalArgumentException("max-document-size and max-request-size need 1 byte to 2 GB");
		}
	}

	/** What a schema violation does: recorded for a trusted agency, refuses the document at the gate. */
	enum Validation {

		DIAGNOSTIC, GATE
	}

	record Source(@DefaultValue("1") int breakingAtMost, @DefaultValue("2") int urgentAtMost,
			@DefaultValue("diagnostic") Validation validate, @DefaultValue AgencyDialect dialect) {

		Source(int breakingAtMost, int urgentAtMost, Validation validate) {
			this(breakingAtMost, urgentAtMost, validate, AgencyDialect.NINJS);
		}

		@ConstructorBinding
		Source {
			if (breakingAtMost < 0 || urgentAtMost < breakingAtMost || urgentAtMost > 9) {
				throw new IllegalArgumentException("urgency thresholds need 0 <= breaking-at-most <= urgent-at-most <= 9");
			}
		}
	}

	Source source(String agency) {
		return sources.getOrDefault(agency, defaults);
	}
}

package news.flashwire.ingest.agency;

import java.util.Map;

import org.springframework.boot.context.properties.bind.DefaultValue;

import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * How one agency's JSON differs from IPTC ninjs, e.g. {@code flashwire.ingest.agency.sources.wire.dialect.renamed.guid=uri}
 * and {@code ...dialect.defaults.language=ar}: top-level fields it names otherwise ({@code renamed}, its name to the
 * ninjs name) and text values it leaves out ({@code defaults}). Its documents are adapted before they are checked and
 * read; a field the document already has under its ninjs name is never overwritten.
 */
record AgencyDialect(@DefaultValue Map<String, String> renamed, @DefaultValue Map<String, String> defaults) {

	static final AgencyDialect NINJS = new AgencyDialect(Map.of(), Map.of());

	AgencyDialect {
		renamed = Map.copyOf(renamed);
		defaults = Map.copyOf(defaults);
		renamed.forEach((theirs, ninjs) -> {
			if (theirs.isBlank() || ninjs.isBlank() || theirs.equals(ninjs)) {
				throw new IllegalArgumentException("a dialect renames a field to another, non-blank name: " + theirs);
			}
		});
	}

	/** The document in ninjs terms: the same instance when there is nothing to adapt. */
	JsonNode adapt(JsonNode document) {
		if (!document.isObject() || (renamed.isEmpty() && defaults.isEmpty())) {
			return document;
		}
		ObjectNode adapted = ((ObjectNode) document).deepCopy();
		renamed.forEach((theirs, ninjs) -> {
			JsonNode value = adapted.get(theirs);
			if (value != null && !adapted.has(ninjs)) {
				adapted.remove(theirs);
				adapted.set(ninjs, value);
			}
		});
		defaults.forEach((field, value) -> {
			if (!adapted.has(field)) {
				adapted.put(field, value);
			}
		});
		return adapted;
	}
}

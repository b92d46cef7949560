package news.flashwire.ingest.agency;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;

import tools.jackson.databind.JsonNode;

/**
 * The official IPTC ninjs schemas, 1.1 to 3.1, loaded from the classpath: their {@code $id}s (and the GeoJSON schema
 * the 2.x and 3.x ones reference) are mapped to resources, so nothing is ever fetched. A document is checked against
 * the schema of its {@code standard.version}, else of the newest version whose key style it has.
 */
final class NinjsSchemas {

	static final List<String> VERSIONS = List.of("1.1", "1.2", "1.3", "1.4", "1.5", "1.6", "2.0", "2.1", "2.2", "3.0",
			"3.1");

	private static final Pattern VERSION = Pattern.compile("^\\s*([123])(?:\\.(\\d+))?");

	private static final SchemaRegistry REGISTRY = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
			// IPTC's suite treats "format" as an annotation ("versioncreated": "Last Tuesday" is meant to pass).
			builder -> builder.schemaRegistryConfig(SchemaRegistryConfig.builder().formatAssertionsEnabled(false).build())
				.schemaIdResolvers(resolvers -> resolvers
				.mapPrefix("http://www.iptc.org/std/ninjs/", "classpath:ninjs/schema/")
				.mapPrefix("https://www.iptc.org/std/ninjs/", "classpath:ninjs/schema/")
				.mapPrefix("https://geojson.org/schema/GeoJSON.json", "classpath:ninjs/schema/GeoJSON.json")));

	private static final Map<String, Schema> SCHEMAS = new ConcurrentHashMap<>();

	// The newest version of each major line ("1" to "1.6", ...), looked up once per document.
	private static final Map<String, String> NEWEST = VERSIONS.stream()
		.collect(java.util.stream.Collectors.toMap(v -> v.substring(0, 1), v -> v, (older, newer) -> newer));

	private NinjsSchemas() {
	}

	/** The violations of the document against the schema of {@code version}: empty when it is valid. */
	static List<Error> violations(String version, JsonNode document) {
		Schema schema = SCHEMAS.computeIfAbsent(version, v -> REGISTRY
			.getSchema(SchemaLocation.of("http://www.iptc.org/std/ninjs/ninjs-schema_" + v + ".json")));
		return schema.validate(document);
	}

	static List<Error> violations(JsonNode document) {
		return violations(versionOf(document), document);
	}

	static String versionOf(JsonNode document) {
		Matcher declared = VERSION.matcher(document.path("standard").path("version").asString(""));
		if (declared.find()) {
			String major = declared.group(1);
			String exact = major + "." + (declared.group(2) != null ? declared.group(2) : "0");
			return VERSIONS.contains(exact) ? exact : newest(major);
		}
		for (String field : document.propertyNames()) {
			if (hasUpperCase(field)) {
				return newest("3");
			}
		}
		// 2.0 brought the standard object, headlines and associations as an array
		boolean twoOrLater = document.has("headlines") || document.has("standard")
				|| document.path("associations").isArray();
		return twoOrLater ? newest("2") : newest("1");
	}

	private static String newest(String major) {
		return NEWEST.get(major);
	}

	// Whether lower-casing would change the name, without making the lower-case copy.
	private static boolean hasUpperCase(String field) {
		for (int i = 0; i < field.length();) {
			int codePoint = field.codePointAt(i);
			if (Character.toLowerCase(codePoint) != codePoint) {
				return true;
			}
			i += Character.charCount(codePoint);
		}
		return false;
	}
}

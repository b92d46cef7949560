package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

import news.flashwire.common.event.EventJson;
import tools.jackson.core.JacksonException;

/**
 * IPTC's own suite: every should_pass document is accepted by the schema ingest picks for it (its declared version,
 * else the newest of the major line its keys show), every should_fail document is rejected by the schema of its own
 * version.
 */
class NinjsSchemasTests {

	@TestFactory
	Stream<DynamicTest> acceptsEveryShouldPassAndRejectsEveryShouldFailDocument() throws Exception {
		List<DynamicTest> tests = new ArrayList<>();
		for (String version : NinjsSchemas.VERSIONS) {
			for (Path file : files(version, "should_pass")) {
				tests.add(DynamicTest.dynamicTest(version + " passes " + file.getFileName(),
						() -> assertThat(NinjsSchemas.violations(EventJson.MAPPER.readTree(Files.readString(file)))).isEmpty()));
			}
			for (Path file : files(version, "should_fail")) {
				tests.add(DynamicTest.dynamicTest(version + " fails " + file.getFileName(),
						() -> assertThat(rejected(version, file)).isTrue()));
			}
		}
		assertThat(tests).hasSizeGreaterThan(100);
		return tests.stream();
	}

	@Test
	void tellsTheVersionFromTheStandardElseFromTheKeys() {
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"standard\":{\"version\":\"3.0\"}}"))).isEqualTo("3.0");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"standard\":{\"version\":\"2.9\"}}"))).isEqualTo("2.2");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"embargoedUntil\":\"\"}"))).isEqualTo("3.1");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"headlines\":[]}"))).isEqualTo("2.2");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"headline\":\"h\"}"))).isEqualTo("1.6");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"standard\":{\"name\":\"ninjs\"}}")))
			.isEqualTo("2.2");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"associations\":[]}"))).isEqualTo("2.2");
	}

	@Test
	void takesAnyUpperCaseLetterInAKeyForTheCamelCaseOfNinjs3() {
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"headlines\":[],\"Ürgenz\":1}"))).isEqualTo("3.1");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"\uD801\uDC00\":1}"))).isEqualTo("3.1");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"uri\":\"x\",\"ürgenz_1\":1,\"\uD801\uDC28\":1}"))).isEqualTo("1.6");
		assertThat(NinjsSchemas.versionOf(EventJson.MAPPER.readTree("{\"standard\":{\"version\":\"1\"}}"))).isEqualTo("1.6");
	}

	// A should_fail file that is not even JSON fails at parsing, which counts as a rejection.
	private static boolean rejected(String version, Path file) throws IOException {
		try {
			return !NinjsSchemas.violations(version, EventJson.MAPPER.readTree(Files.readString(file))).isEmpty();
		}
		catch (JacksonException ex) {
			return true;
		}
	}

	private static List<Path> files(String version, String kind) throws IOException, URISyntaxException {
		Path folder = Path.of(NinjsSchemasTests.class.getResource("/ninjs/test_suite/" + version + "/" + kind).toURI());
		try (Stream<Path> files = Files.list(folder)) {
			return files.filter(file -> file.toString().endsWith(".json")).sorted().toList();
		}
	}
}

package news.flashwire.ingest.agency;

import com.code_intelligence.jazzer.junit.FuzzTest;

import news.flashwire.ingest.embargo.Embargo;
import news.flashwire.ingest.story.UnreadableStory;
import tools.jackson.databind.JsonNode;

/**
 * Whatever bytes an agency sends, the document reader either reads them or refuses them with the service's own problem
 * ({@link UnreadableStory}, a 400): never another exception, which would be a 500. Runs a bounded number of generated
 * inputs in every build (JAZZER_FUZZ is set for this module's tests), starting from the seeds in the resources.
 */
class NinjsReaderFuzzTests {

	@FuzzTest(maxExecutions = 5000)
	void readsOrRefusesAnyBody(byte[] body) {
		try {
			for (JsonNode document : AgencyDocuments.ofNdjson(body, 500)) {
				readsOrRefuses(document);
				if (document.isArray() && !document.isEmpty()) {
					for (JsonNode item : AgencyDocuments.ofJson(document, 500)) {
						readsOrRefuses(item);
					}
				}
			}
		}
		catch (UnreadableStory refused) {
			// the service's own problem: a 400
		}
	}

	private static void readsOrRefuses(JsonNode document) {
		try {
			NinjsDocument.read("afp", document);
			Embargo embargo = NinjsDocument.embargo(document);
			embargo.embargoed();
		}
		catch (UnreadableStory refused) {
			// the service's own problem: a 400
		}
	}
}

package news.flashwire.ingest.agency;

import org.w3c.dom.Document;
import org.w3c.dom.Element;

import com.code_intelligence.jazzer.junit.FuzzTest;

import news.flashwire.ingest.embargo.Embargo;
import news.flashwire.ingest.story.UnreadableStory;
import tools.jackson.databind.JsonNode;

/**
 * Whatever bytes an agency sends, the document readers (ninjs as JSON or NDJSON, NewsML-G2 as XML) either read them or
 * refuse them with the service's own problem ({@link UnreadableStory}, a 400): never another exception, which would be
 * a 500. Runs a bounded number of generated inputs in every build (JAZZER_FUZZ is set for this module's tests),
 * starting from the seeds in the resources.
 */
class NinjsReaderFuzzTests {

	private static final AgencySettings.Source SOURCE = new AgencySettings.Source(1, 2,
			AgencySettings.Validation.DIAGNOSTIC);

	private static final int MAX_DOCUMENTS = 500;

	// Small, so that generated inputs also reach the per-document limit.
	private static final long MAX_BYTES = 512;

	// Jazzer fuzzes one @FuzzTest per run, so every body goes to every reader (each refuses the others' quickly).
	@FuzzTest(maxExecutions = 8000)
	void readsOrRefusesAnyBody(byte[] body) {
		readsOrRefusesAsNdjson(body);
		readsOrRefusesAsJson(body);
		readsOrRefusesAsNewsml(body);
	}

	private static void readsOrRefusesAsNdjson(byte[] body) {
		try {
			for (AgencyDocuments.Delivered document : AgencyDocuments.ofNdjson(body, MAX_DOCUMENTS, MAX_BYTES)) {
				readsOrRefuses(document);
			}
		}
		catch (UnreadableStory refused) {
			// the service's own problem: a 400
		}
	}

	private static void readsOrRefusesAsJson(byte[] body) {
		try {
			if (AgencyDocuments.isArray(body)) {
				for (AgencyDocuments.Delivered document : AgencyDocuments.ofJsonArray(body, MAX_DOCUMENTS, MAX_BYTES)) {
					readsOrRefuses(document);
				}
			}
			else {
				readsOrRefuses(AgencyDocuments.Delivered.of(AgencyDocuments.ofJson(body)));
			}
		}
		catch (UnreadableStory refused) {
			// the service's own problem: a 400
		}
	}

	private static void readsOrRefusesAsNewsml(byte[] body) {
		try {
			Document document = NewsmlDocuments.parse(body);
			if (NewsmlDocuments.isNewsItem(document)) {
				readsOrRefuses(document.getDocumentElement());
				return;
			}
			for (NewsmlDocuments.Delivered item : NewsmlDocuments.items(document, MAX_DOCUMENTS, MAX_BYTES, true)) {
				if (item.item() != null) {
					readsOrRefuses(item.item());
				}
			}
		}
		catch (UnreadableStory refused) {
			// the service's own problem: a 400
		}
	}

	private static void readsOrRefuses(AgencyDocuments.Delivered document) {
		JsonNode json = document.json();
		if (json == null) {
			return;
		}
		try {
			NinjsDocument.read("afp", json, SOURCE);
			Embargo embargo = NinjsDocument.embargo(json);
			embargo.embargoed();
		}
		catch (UnreadableStory refused) {
			// the service's own problem: a 400
		}
	}

	private static void readsOrRefuses(Element item) {
		try {
			NewsmlItem.read("afp", item, SOURCE);
			NewsmlItem.embargo(item).embargoed();
		}
		catch (UnreadableStory refused) {
			// the service's own problem: a 400
		}
	}
}

package news.flashwire.ingest.agency;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import news.flashwire.common.event.EventJson;
import news.flashwire.ingest.story.UnreadableStory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/**
 * Splits a request body into ninjs documents: one JSON document, a JSON array, or NDJSON (one document per line).
 * Invalid UTF-8 and malformed JSON refuse the whole request; the count is limited.
 */
final class AgencyDocuments {

	private AgencyDocuments() {
	}

	static List<JsonNode> ofJson(JsonNode body, int max) {
		if (!body.isArray()) {
			return List.of(body);
		}
		if (body.isEmpty() || body.size() > max) {
			throw new UnreadableStory("a batch holds 1 to " + max + " documents");
		}
		List<JsonNode> documents = new ArrayList<>();
		body.forEach(documents::add);
		return documents;
	}

	static List<JsonNode> ofNdjson(byte[] body, int max) {
		List<JsonNode> documents = new ArrayList<>();
		int line = 0;
		for (String text : utf8(body).split("\r?\n")) {
			line++;
			if (text.isBlank()) {
				continue;
			}
			if (documents.size() == max) {
				throw new UnreadableStory("a batch holds 1 to " + max + " documents");
			}
			try {
				documents.add(EventJson.MAPPER.readTree(text));
			}
			catch (JacksonException ex) {
				throw new UnreadableStory("line " + line + " is not a JSON document");
			}
		}
		if (documents.isEmpty()) {
			throw new UnreadableStory("a batch holds 1 to " + max + " documents");
		}
		return documents;
	}

	private static String utf8(byte[] body) {
		try {
			return StandardCharsets.UTF_8.newDecoder()
				.onMalformedInput(CodingErrorAction.REPORT)
				.onUnmappableCharacter(CodingErrorAction.REPORT)
				.decode(ByteBuffer.wrap(body))
				.toString();
		}
		catch (CharacterCodingException ex) {
			throw new UnreadableStory("the body is not valid UTF-8");
		}
	}
}

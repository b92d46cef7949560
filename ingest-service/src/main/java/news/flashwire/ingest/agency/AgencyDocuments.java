package news.flashwire.ingest.agency;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.event.EventJson;
import news.flashwire.ingest.story.UnreadableStory;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectReader;

/**
 * Splits a request body into ninjs documents: one JSON document, a JSON array, or NDJSON (one document per line).
 * Invalid UTF-8 and malformed JSON refuse the whole request; the count is limited. A document of a batch larger than
 * the per-document limit is refused on its own (measured in bytes as sent), the others go on.
 */
final class AgencyDocuments {

	// Reads one element of an array: what follows it is the array's business, not a trailing token.
	private static final ObjectReader ITEM = EventJson.MAPPER.readerFor(JsonNode.class)
		.without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);

	private AgencyDocuments() {
	}

	/**
	 * A document of a batch: its JSON, or why it was refused before it was read. A class, not a record: Jazzer 0.24's
	 * instrumentation corrupts nested records with annotated components (NoSuchFieldError in the fuzz test).
	 */
	static final class Delivered {

		private final @Nullable JsonNode json;

		private final @Nullable String refused;

		private Delivered(@Nullable JsonNode json, @Nullable String refused) {
			this.json = json;
			this.refused = refused;
		}

		static Delivered of(JsonNode json) {
			return new Delivered(json, null);
		}

		static Delivered tooLarge(long maxBytes) {
			return new Delivered(null, DocumentTooLarge.reason(maxBytes));
		}

		@Nullable JsonNode json() {
			return json;
		}

		@Nullable String refused() {
			return refused;
		}
	}

	/** Whether the body is a JSON array (a batch) rather than one document. */
	static boolean isArray(byte[] body) {
		int start = hasByteOrderMark(body) ? 3 : 0;
		for (int i = start; i < body.length; i++) {
			if (!isWhitespace(body[i])) {
				return body[i] == '[';
			}
		}
		return false;
	}

	static JsonNode ofJson(byte[] body) {
		checkUtf8(body);
		try {
			JsonNode document = EventJson.MAPPER.readTree(body);
			if (document == null || document.isMissingNode()) {
				throw new UnreadableStory("the body is not a JSON document");
			}
			return document;
		}
		catch (JacksonException ex) {
			throw new UnreadableStory("the body is not a JSON document");
		}
	}

	static List<Delivered> ofJsonArray(byte[] body, int max, long maxBytes) {
		checkUtf8(body);
		List<Delivered> documents = new ArrayList<>();
		try (JsonParser parser = EventJson.MAPPER.createParser(body)) {
			if (parser.nextToken() != JsonToken.START_ARRAY) {
				throw new UnreadableStory("the body is not a JSON array");
			}
			for (JsonToken token = parser.nextToken(); token != JsonToken.END_ARRAY; token = parser.nextToken()) {
				if (token == null) {
					throw new UnreadableStory("the body is not a JSON document");
				}
				if (documents.size() == max) {
					throw batchSize(max);
				}
				long start = parser.currentTokenLocation().getByteOffset();
				JsonNode document = ITEM.readValue(parser);
				long size = parser.currentLocation().getByteOffset() - start;
				documents.add(size > maxBytes ? Delivered.tooLarge(maxBytes) : Delivered.of(document));
			}
			if (parser.nextToken() != null) {
				throw new UnreadableStory("the body is not a JSON document");
			}
		}
		catch (JacksonException ex) {
			throw new UnreadableStory("the body is not a JSON document");
		}
		if (documents.isEmpty()) {
			throw batchSize(max);
		}
		return documents;
	}

	static List<Delivered> ofNdjson(byte[] body, int max, long maxBytes) {
		checkUtf8(body);
		List<Delivered> documents = new ArrayList<>();
		int line = 0;
		// A line break byte never occurs inside a UTF-8 sequence, so the bytes can be split as they are.
		for (int start = 0; start <= body.length;) {
			int end = indexOfLineBreak(body, start);
			int stop = end > start && body[end - 1] == '\r' ? end - 1 : end;
			line++;
			if (!isBlank(body, start, stop)) {
				if (documents.size() == max) {
					throw batchSize(max);
				}
				documents.add(stop - start > maxBytes ? Delivered.tooLarge(maxBytes) : Delivered.of(line(body, start, stop, line)));
			}
			start = end + 1;
		}
		if (documents.isEmpty()) {
			throw batchSize(max);
		}
		return documents;
	}

	private static JsonNode line(byte[] body, int start, int stop, int line) {
		try {
			return EventJson.MAPPER.readTree(body, start, stop - start);
		}
		catch (JacksonException ex) {
			throw new UnreadableStory("line " + line + " is not a JSON document");
		}
	}

	private static UnreadableStory batchSize(int max) {
		return new UnreadableStory("a batch holds 1 to " + max + " documents");
	}

	private static int indexOfLineBreak(byte[] body, int from) {
		for (int i = from; i < body.length; i++) {
			if (body[i] == '\n') {
				return i;
			}
		}
		return body.length;
	}

	private static boolean isBlank(byte[] body, int start, int stop) {
		for (int i = start; i < stop; i++) {
			if (!isWhitespace(body[i])) {
				return false;
			}
		}
		return true;
	}

	private static boolean isWhitespace(byte b) {
		return b == ' ' || b == '\t' || b == '\r' || b == '\n';
	}

	private static boolean hasByteOrderMark(byte[] body) {
		return body.length >= 3 && body[0] == (byte) 0xEF && body[1] == (byte) 0xBB && body[2] == (byte) 0xBF;
	}

	// Decoded through a small buffer used over and over: the whole body as characters is never needed.
	private static void checkUtf8(byte[] body) {
		CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
			.onMalformedInput(CodingErrorAction.REPORT)
			.onUnmappableCharacter(CodingErrorAction.REPORT);
		ByteBuffer in = ByteBuffer.wrap(body);
		CharBuffer out = CharBuffer.allocate(4096);
		CoderResult result = decoder.decode(in, out, true);
		while (result.isOverflow()) {
			out.clear();
			result = decoder.decode(in, out, true);
		}
		if (result.isError() || decoder.flush(out.clear()).isError()) {
			throw new UnreadableStory("the body is not valid UTF-8");
		}
	}
}

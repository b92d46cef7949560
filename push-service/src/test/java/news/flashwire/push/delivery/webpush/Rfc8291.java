package news.flashwire.push.delivery.webpush;

import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;

import news.flashwire.common.event.EventJson;
import tools.jackson.databind.JsonNode;

/** The RFC 8291 example (resources/webpush, see SOURCES.md there). */
final class Rfc8291 {

	static final JsonNode VECTOR = load();

	private Rfc8291() {
	}

	static byte[] bytes(String section, String field) {
		return Base64.getUrlDecoder().decode(VECTOR.path(section).path(field).asString());
	}

	static String text(String section, String field) {
		return VECTOR.path(section).path(field).asString();
	}

	private static JsonNode load() {
		try (InputStream in = Rfc8291.class.getResourceAsStream("/webpush/rfc8291-vector.json")) {
			return EventJson.MAPPER.readTree(in);
		}
		catch (IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

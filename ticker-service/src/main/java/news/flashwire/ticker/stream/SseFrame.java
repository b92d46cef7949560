package news.flashwire.ticker.stream;

import java.nio.charset.StandardCharsets;

import org.jspecify.annotations.Nullable;

/**
 * Server-Sent Events frames as bytes, following the WHATWG event stream format: UTF-8, LF line ends, one
 * {@code data:} line per line of the payload (a CR LF, CR or LF in it starts a new one), a blank line ending each
 * event. A field value that starts with a space gets one more, since readers strip one space after the colon.
 */
final class SseFrame {

	private SseFrame() {
	}

	static byte[] event(@Nullable String id, String name, String data) {
		StringBuilder frame = new StringBuilder(data.length() + 64);
		if (id != null) {
			field(frame, "id", singleLine("id", id));
		}
		field(frame, "event", singleLine("event name", name));
		int start = 0;
		for (int i = 0; i < data.length(); i++) {
			char c = data.charAt(i);
			if (c == '\r' || c == '\n') {
				field(frame, "data", data.substring(start, i));
				if (c == '\r' && i + 1 < data.length() && data.charAt(i + 1) == '\n') {
					i++;
				}
				start = i + 1;
			}
		}
		field(frame, "data", data.substring(start));
		return frame.append('\n').toString().getBytes(StandardCharsets.UTF_8);
	}

	/** A comment line (readers ignore it) and a retry hint in one frame, with no event to dispatch. */
	static byte[] retry(long millis, String comment) {
		return ("retry:" + millis + "\n:" + singleLine("comment", comment) + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	static byte[] comment(String comment) {
		return (":" + singleLine("comment", comment) + "\n\n").getBytes(StandardCharsets.UTF_8);
	}

	private static void field(StringBuilder frame, String name, String value) {
		frame.append(name).append(':');
		if (value.startsWith(" ")) {
			frame.append(' ');
		}
		frame.append(value).append('\n');
	}

	// A line break would end the field early (and a NUL makes browsers ignore an id): such a value is a bug here.
	private static String singleLine(String what, String value) {
		for (int i = 0; i < value.length(); i++) {
			char c = value.charAt(i);
			if (c == '\r' || c == '\n' || c == '\0') {
				throw new IllegalArgumentException("An SSE " + what + " must be one line without NUL: " + value);
			}
		}
		return value;
	}
}

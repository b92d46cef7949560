package news.flashwire.push.delivery.webpush;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventJson;
import news.flashwire.common.story.Story;

/** What the service worker receives: enough to show a notification and open the story. */
record WebPushPayload(String type, String id, String storyId, String headline, String edition, String dir,
		String urgency, @Nullable URI url, @Nullable String note) {

	static WebPushPayload of(String deliveryId, Alert alert) {
		Story story = alert.story();
		return new WebPushPayload("alert." + alert.kind().name().toLowerCase(Locale.ROOT), deliveryId,
				alert.storyId().value(), story.headline(), story.edition().code(), story.edition().direction(),
				story.urgency().name().toLowerCase(Locale.ROOT), story.link(), alert.note());
	}

	/** The JSON, with the headline and note shortened as far as needed to stay within the limit. */
	byte[] toJson(int limit) {
		WebPushPayload payload = this;
		byte[] json = EventJson.MAPPER.writeValueAsBytes(payload);
		while (json.length > limit && (payload.note != null || payload.headline.length() > 1)) {
			int excess = json.length - limit;
			payload = payload.note != null ? payload.withNote(null)
					: payload.withHeadline(shorten(payload.headline, excess));
			json = EventJson.MAPPER.writeValueAsBytes(payload);
		}
		return json;
	}

	private WebPushPayload withNote(@Nullable String note) {
		return new WebPushPayload(type, id, storyId, headline, edition, dir, urgency, url, note);
	}

	private WebPushPayload withHeadline(String headline) {
		return new WebPushPayload(type, id, storyId, headline, edition, dir, urgency, url, note);
	}

	private static String shorten(String text, int excessBytes) {
		int keep = Math.max(0, text.getBytes(StandardCharsets.UTF_8).length - excessBytes - 3);
		StringBuilder out = new StringBuilder();
		int bytes = 0;
		for (int i = 0; i < text.length();) {
			int codePoint = text.codePointAt(i);
			int size = new String(Character.toChars(codePoint)).getBytes(StandardCharsets.UTF_8).length;
			if (bytes + size > keep) {
				break;
			}
			out.appendCodePoint(codePoint);
			bytes += size;
			i += Character.charCount(codePoint);
		}
		return out + "…";
	}
}

package news.flashwire.push.delivery.webhook;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.Urgency;

/** The body of an alert webhook, in the Standard Webhooks shape: type, timestamp, data. */
record WebhookPayload(String type, Instant timestamp, Data data) {

	record Data(String storyId, long revision, String headline, String edition, String language, String direction,
			Urgency urgency, @Nullable URI link, @Nullable String category, Instant publishedAt, @Nullable String note) {
	}

	static WebhookPayload of(Alert alert) {
		Story story = alert.story();
		return new WebhookPayload("alert." + alert.kind().name().toLowerCase(Locale.ROOT), alert.meta().occurredAt(),
				new Data(alert.storyId().value(), alert.revision(), story.headline(), story.edition().code(),
						story.language(), story.edition().direction(), story.urgency(), story.link(), story.category(),
						story.publishedAt(), alert.note()));
	}
}

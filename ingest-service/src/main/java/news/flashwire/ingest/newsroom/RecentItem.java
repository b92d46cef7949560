package news.flashwire.ingest.newsroom;

import java.time.Instant;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Story;
import news.flashwire.ingest.story.StoryLedger;

/**
 * One recent newsroom item as the newsroom page lists it: its state ({@code live}, {@code corrected},
 * {@code killed}), its text as last published, and the id push-service audits its first alert under.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecentItem(String storyId, long revision, String state, String headline, String edition, String urgency,
		@Nullable String link, @Nullable String category, Instant changedAt, @Nullable String alertId) {

	static RecentItem of(StoryLedger.Entry entry) {
		Story story = entry.state().story();
		String state = entry.state().killed() ? "killed" : entry.corrected() ? "corrected" : "live";
		return new RecentItem(entry.storyId().value(), entry.state().revision(), state, story.headline(),
				story.edition().code(), story.urgency().name().toLowerCase(Locale.ROOT),
				story.link() != null ? story.link().toString() : null, story.category(), entry.state().seenAt(),
				firstAlertId(entry));
	}

	// A newsroom item is alerted when it is first posted as breaking or urgent: that is revision 1's alert. The id is
	// the contract's own, so it always matches what push-service records.
	private static @Nullable String firstAlertId(StoryLedger.Entry entry) {
		Story story = entry.state().story();
		if (!story.urgency().isAlerted()) {
			return null;
		}
		return new Alert(EventMeta.now(), entry.storyId(), 1, Alert.Kind.NEW, story, null).deliveryId();
	}
}

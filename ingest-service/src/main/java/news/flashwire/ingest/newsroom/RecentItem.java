package news.flashwire.ingest.newsroom;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Story;
import news.flashwire.ingest.embargo.HeldStory;
import news.flashwire.ingest.story.StoryLedger;

/**
 * One recent newsroom item as the newsroom page lists it: its state ({@code held} until {@code embargoedUntil},
 * {@code live}, {@code corrected}, {@code killed}), its text as last published (or as it will be), the id push-service
 * audits its first alert under, and the ids of all its alerts, first to last.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record RecentItem(String storyId, long revision, String state, String headline, String edition, String urgency,
		@Nullable String link, @Nullable String category, Instant changedAt, @Nullable Instant embargoedUntil,
		@Nullable String alertId, @Nullable List<AlertRef> alerts) {

	// Follow-up alerts shown per item: enough for a story's correction and kill, bounded for one edited many times.
	private static final int MAX_ALERTS = 5;

	/** One alert of an item: its delivery id and what it told subscribers ({@code new}, {@code correction}, {@code kill}). */
	record AlertRef(String alertId, long revision, String kind) {
	}

	static RecentItem held(HeldStory held) {
		Story story = held.story();
		return new RecentItem(held.storyId().value(), 0, held.embargoedUntil() != null ? "held" : "held-for-editor",
				story.headline(), story.edition().code(), story.urgency().name().toLowerCase(Locale.ROOT),
				story.link() != null ? story.link().toString() : null, story.category(), held.heldAt(),
				held.embargoedUntil(), null, null);
	}

	static RecentItem of(StoryLedger.Entry entry) {
		Story story = entry.state().story();
		String state = entry.state().killed() ? "killed" : entry.corrected() ? "corrected" : "live";
		return new RecentItem(entry.storyId().value(), entry.state().revision(), state, story.headline(),
				story.edition().code(), story.urgency().name().toLowerCase(Locale.ROOT),
				story.link() != null ? story.link().toString() : null, story.category(), entry.state().seenAt(), null,
				story.urgency().isAlerted() ? alertId(entry, 1) : null, alerts(entry));
	}

	// A newsroom item is alerted when it is posted as breaking or urgent: revision 1's alert; from then on each
	// correction and the kill is a follow-up alert of its own revision (as long as the item stays urgent, which is
	// what the page's items do). The ids are the contract's own, so they always match what push-service records.
	private static @Nullable List<AlertRef> alerts(StoryLedger.Entry entry) {
		if (!entry.state().story().urgency().isAlerted()) {
			return null;
		}
		long last = entry.state().revision();
		List<AlertRef> alerts = new ArrayList<>();
		alerts.add(new AlertRef(alertId(entry, 1), 1, "new"));
		for (long revision = Math.max(2, last - MAX_ALERTS + 2); revision <= last; revision++) {
			boolean kill = revision == last && entry.state().killed();
			alerts.add(new AlertRef(alertId(entry, revision), revision, kill ? "kill" : "correction"));
		}
		return alerts;
	}

	private static String alertId(StoryLedger.Entry entry, long revision) {
		return new Alert(EventMeta.now(), entry.storyId(), revision, Alert.Kind.NEW, entry.state().story(), null)
			.deliveryId();
	}
}

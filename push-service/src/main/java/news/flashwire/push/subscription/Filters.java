package news.flashwire.push.subscription;

import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.Urgency;

/**
 * Which alerts a subscriber wants. An empty set means any. A correction or kill goes to whoever may have had the alert
 * it follows up: its urgency counts as the more urgent of now and then, and quiet hours do not hold it back (a
 * withdrawn or corrected headline must not stay on a device until morning).
 *
 * @param minimumUrgency the least urgent alert wanted (breaking is the most urgent)
 * @param quietHours when only breaking alerts are sent, or null for none
 */
public record Filters(Set<String> editions, Set<String> languages, Set<String> categories, Urgency minimumUrgency,
		@Nullable QuietHours quietHours) {

	public Filters {
		editions = Set.copyOf(Objects.requireNonNull(editions, "editions is required"));
		languages = Set.copyOf(Objects.requireNonNull(languages, "languages is required"));
		categories = Set.copyOf(Objects.requireNonNull(categories, "categories is required"));
		Objects.requireNonNull(minimumUrgency, "minimumUrgency is required");
	}

	public boolean wants(Alert alert, Instant now) {
		Story story = alert.story();
		Urgency urgency = alert.highestUrgency();
		return matches(editions, story.edition().code()) && matches(languages, story.language())
				&& (categories.isEmpty() || story.category() != null && categories.contains(story.category().toLowerCase(Locale.ROOT)))
				&& urgency.ordinal() <= minimumUrgency.ordinal()
				&& (alert.isFollowUp() || quietHours == null || urgency == Urgency.BREAKING || !quietHours.contains(now));
	}

	private static boolean matches(Set<String> wanted, String value) {
		return wanted.isEmpty() || wanted.contains(value);
	}
}

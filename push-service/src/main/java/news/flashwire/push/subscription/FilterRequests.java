package news.flashwire.push.subscription;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Urgency;

/** Checks and normalizes the filters of a request. */
final class FilterRequests {

	private static final int MAX_VALUES = 50;

	private static final Pattern LANGUAGE = Pattern.compile("[a-z]{2,3}");

	private static final Pattern CATEGORY = Pattern.compile("[\\p{L}\\p{N} _.:-]{1,64}");

	private FilterRequests() {
	}

	static Filters of(@Nullable Set<String> editions, @Nullable Set<String> languages, @Nullable Set<String> categories,
			@Nullable Urgency minimumUrgency, @Nullable QuietHours quietHours) {
		return new Filters(editions(editions), values(languages, "languages", LANGUAGE),
				values(categories, "categories", CATEGORY), minimumUrgency != null ? minimumUrgency : Urgency.URGENT,
				quietHours(quietHours));
	}

	static Filters change(Filters current, SubscriptionChanges changes) {
		return new Filters(changes.editions() != null ? editions(changes.editions()) : current.editions(),
				changes.languages() != null ? values(changes.languages(), "languages", LANGUAGE) : current.languages(),
				changes.categories() != null ? values(changes.categories(), "categories", CATEGORY) : current.categories(),
				changes.minimumUrgency() != null ? changes.minimumUrgency() : current.minimumUrgency(),
				changes.quietHours() != null ? quietHours(changes.quietHours()) : current.quietHours());
	}

	private static @Nullable QuietHours quietHours(@Nullable QuietHours quietHours) {
		return quietHours == null || quietHours.from().equals(quietHours.to()) ? null : quietHours;
	}

	private static Set<String> editions(@Nullable Set<String> editions) {
		if (editions == null) {
			return Set.of();
		}
		try {
			return limited(editions, "editions").stream().map(code -> Edition.of(code).code()).collect(Collectors.toSet());
		}
		catch (IllegalArgumentException | NullPointerException ex) {
			throw new InvalidSubscription("editions must be language codes such as 'ar' or 'en'");
		}
	}

	private static Set<String> values(@Nullable Set<String> values, String name, Pattern pattern) {
		if (values == null) {
			return Set.of();
		}
		Set<String> normalized = limited(values, name).stream()
			.map(value -> value == null ? "" : value.strip().toLowerCase(Locale.ROOT))
			.collect(Collectors.toSet());
		if (!normalized.stream().allMatch(value -> pattern.matcher(value).matches())) {
			throw new InvalidSubscription(name + " has a value that is not allowed");
		}
		return normalized;
	}

	private static Set<String> limited(Set<String> values, String name) {
		if (values.size() > MAX_VALUES) {
			throw new InvalidSubscription(name + " may list at most " + MAX_VALUES + " values");
		}
		return values;
	}
}

package news.flashwire.ingest.newsroom;

import java.net.URI;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.Urgency;
import news.flashwire.ingest.embargo.Embargo;
import news.flashwire.ingest.story.Headline;
import news.flashwire.ingest.story.HeadlineText;
import news.flashwire.ingest.story.UnreadableStory;

/** Turns what an editor typed into a {@link Story}, strictly: our own API accepts only what it can publish as is. */
final class NewsroomStories {

	private static final int MAX_CATEGORY = 64;

	private static final int MAX_LINK = 2048;

	private NewsroomStories() {
	}

	static Story from(NewsroomItem item) {
		return merge(item, null);
	}

	/** The item's fields over the current story's: what a correction leaves out stays as it was. */
	static Story merge(NewsroomItem item, @Nullable Story current) {
		String rawHeadline = item.headline() != null ? item.headline() : current != null ? current.headline() : null;
		if (rawHeadline == null) {
			throw new UnreadableStory("headline is required");
		}
		Headline headline = HeadlineText.read(rawHeadline);
		Edition edition = current != null ? current.edition() : edition(item.edition());
		Urgency urgency = item.urgency() != null ? urgency(item.urgency())
				: headline.flagged() ? Urgency.BREAKING : current != null ? current.urgency() : Urgency.ROUTINE;
		URI link = item.link() != null ? link(item.link()) : current != null ? current.link() : null;
		String category = item.category() != null ? category(item.category()) : current != null ? current.category() : null;
		return new Story(headline.text(), edition, urgency, link, category, Instant.now(), null);
	}

	/** Whether two versions say the same, whenever each was published. */
	static boolean sameText(Story one, Story other) {
		return one.headline().equals(other.headline()) && one.edition().equals(other.edition())
				&& one.urgency() == other.urgency() && Objects.equals(one.link(), other.link())
				&& Objects.equals(one.category(), other.category());
	}

	/** Our own API is strict: an embargo it cannot read is a 400, never a guess. */
	static Embargo embargo(NewsroomItem item) {
		if (item.embargoedUntil() == null) {
			return Embargo.NONE;
		}
		Embargo embargo = Embargo.parse(item.embargoedUntil());
		if (embargo.until() == null) {
			throw new UnreadableStory("embargoedUntil must be an ISO 8601 date-time with a zone, e.g. 2026-11-29T10:00:00Z");
		}
		return embargo;
	}

	private static Edition edition(@Nullable String code) {
		try {
			return new Edition(code);
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableStory("edition: " + ex.getMessage());
		}
	}

	private static Urgency urgency(String urgency) {
		try {
			return Urgency.valueOf(urgency.toUpperCase(Locale.ROOT));
		}
		catch (IllegalArgumentException ex) {
			throw new UnreadableStory("urgency must be breaking, urgent or routine");
		}
	}

	private static URI link(String link) {
		try {
			URI uri = new URI(link);
			if (link.length() > MAX_LINK || uri.getHost() == null
					|| !("https".equals(uri.getScheme()) || "http".equals(uri.getScheme()))) {
				throw new UnreadableStory("link must be an http(s) URL");
			}
			return uri;
		}
		catch (java.net.URISyntaxException ex) {
			throw new UnreadableStory("link must be an http(s) URL");
		}
	}

	private static String category(String category) {
		String text = HeadlineText.normalize(category);
		if (text.length() > MAX_CATEGORY) {
			throw new UnreadableStory("category is longer than " + MAX_CATEGORY + " characters");
		}
		return text;
	}
}

package news.flashwire.ingest.feed;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.rometools.rome.feed.atom.Entry;
import com.rometools.rome.feed.rss.Item;
import com.rometools.rome.feed.synd.SyndEntry;
import com.rometools.rome.feed.synd.SyndFeed;
import com.rometools.rome.io.FeedException;
import com.rometools.rome.io.SyndFeedInput;
import com.rometools.rome.io.XmlReader;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.ingest.story.Headline;
import news.flashwire.ingest.story.HeadlineText;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.UnreadableStory;

/**
 * Reads an RSS (0.9x, 1.0, 2.0) or Atom document with ROME into {@link FeedItem}s, oldest first. ROME refuses any
 * DOCTYPE (its default), so no external entity, external DTD or entity expansion bomb is ever processed.
 */
final class FeedDocument {

	// Whatever a feed's own id is, the story id ("<source>:<identity>") stays within StoryId's 256 characters.
	private static final int MAX_IDENTITY = 200;

	private FeedDocument() {
	}

	static List<FeedItem> read(FeedSettings.Source source, byte[] body, @Nullable String contentType) {
		SyndFeed feed = parse(body, contentType);
		List<FeedItem> items = new ArrayList<>();
		for (SyndEntry entry : feed.getEntries()) {
			items.add(item(source, entry));
		}
		// Feeds list their newest item first; stories are taken in the order they were written.
		Collections.reverse(items);
		return items;
	}

	private static SyndFeed parse(byte[] body, @Nullable String contentType) {
		SyndFeedInput input = new SyndFeedInput();
		input.setAllowDoctypes(false);
		input.setPreserveWireFeed(true);
		try (XmlReader reader = new XmlReader(new ByteArrayInputStream(body), contentType, true)) {
			return input.build(reader);
		}
		catch (FeedException | IOException | IllegalArgumentException ex) {
			throw new FeedPollFailed("not a readable RSS or Atom document: " + ex.getMessage());
		}
	}

	private static FeedItem item(FeedSettings.Source source, SyndEntry entry) {
		String title = entry.getTitle();
		Date date = entry.getPublishedDate() != null ? entry.getPublishedDate() : entry.getUpdatedDate();
		String identity = identity(source.identity(), entry, title, date);
		URI link = link(source.url(), entry.getLink());
		if (title == null || title.isBlank()) {
			return FeedItem.unreadable(identity, content("", link, date), "item has no title");
		}
		try {
			Headline headline = HeadlineText.read(title);
			Urgency urgency = headline.flagged() ? Urgency.BREAKING : source.urgency();
			Story story = new Story(headline.text(), source.edition(), urgency, link, null,
					date != null ? date.toInstant() : Instant.now(), null);
			return FeedItem.of(identity, content(urgency + " " + headline.text(), link, date),
					IncomingStory.usable(StoryId.of(source.name(), identity), 0, story));
		}
		catch (UnreadableStory ex) {
			return FeedItem.unreadable(identity, content(title.strip(), link, date), ex.getBody().getDetail());
		}
	}

	// The feed's own date, not the time of reading that stands in for a missing one: else every poll would be a change.
	private static String content(String headline, @Nullable URI link, @Nullable Date date) {
		return FeedState
			.digest(headline + "\n" + (link != null ? link : "") + "\n" + (date != null ? date.toInstant() : ""));
	}

	private static String identity(FeedSettings.Identity rule, SyndEntry entry, @Nullable String title,
			@Nullable Date date) {
		String guid = rule == FeedSettings.Identity.GUID ? guid(entry) : null;
		String link = rule != FeedSettings.Identity.TITLE_AND_DATE ? blankToNull(entry.getLink()) : null;
		String identity = guid != null ? guid : link;
		if (identity == null) {
			String titleAndDate = (title != null ? title.strip() : "") + "\n" + (date != null ? date.toInstant() : "");
			return "hash:" + FeedState.digest(titleAndDate);
		}
		boolean plain = identity.length() <= MAX_IDENTITY && identity.codePoints().noneMatch(Character::isISOControl);
		return plain ? identity : "hash:" + FeedState.digest(identity);
	}

	// The guid as the feed wrote it: ROME's SyndEntry.getUri() falls back to the link, which would hide a missing guid.
	private static @Nullable String guid(SyndEntry entry) {
		Object wire = entry.getWireEntry();
		if (wire instanceof Item item) {
			return blankToNull(item.getGuid() != null ? item.getGuid().getValue() : item.getUri());
		}
		if (wire instanceof Entry atom) {
			return blankToNull(atom.getId());
		}
		return null;
	}

	private static @Nullable URI link(URI feedUrl, @Nullable String href) {
		if (href == null || href.isBlank()) {
			return null;
		}
		try {
			URI link = feedUrl.resolve(href.strip());
			return "https".equals(link.getScheme()) || "http".equals(link.getScheme()) ? link : null;
		}
		catch (IllegalArgumentException ex) {
			return null;
		}
	}

	private static @Nullable String blankToNull(@Nullable String value) {
		return value == null || value.isBlank() ? null : value.strip();
	}
}

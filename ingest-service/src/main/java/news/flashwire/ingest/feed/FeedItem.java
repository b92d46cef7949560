package news.flashwire.ingest.feed;

import org.jspecify.annotations.Nullable;

import news.flashwire.ingest.story.IncomingStory;

/**
 * One item of a feed document: its identity within the feed, a short digest of its content (what its story carries:
 * headline, urgency, link and the feed's own date), and the story it becomes, or why it cannot become one (e.g. it has
 * no title). It is taken once, and again only when its content changes.
 */
record FeedItem(String identity, String content, @Nullable IncomingStory story, @Nullable String unreadable) {

	static FeedItem of(String identity, String content, IncomingStory story) {
		return new FeedItem(identity, content, story, null);
	}

	static FeedItem unreadable(String identity, String content, String reason) {
		return new FeedItem(identity, content, null, reason);
	}

	/** Its story as version {@code version}: a changed item is the next version of the story it published. */
	@Nullable IncomingStory story(long version) {
		IncomingStory first = story;
		if (first == null || first.version() == version) {
			return first;
		}
		return new IncomingStory(first.storyId(), version, first.status(), first.story(), first.correction(),
				first.killReason(), first.nearDuplicateKey());
	}
}

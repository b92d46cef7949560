package news.flashwire.ingest.feed;

import org.jspecify.annotations.Nullable;

import news.flashwire.ingest.story.IncomingStory;

/**
 * One item of a feed document: its identity within the feed and the story it becomes, or why it cannot become one
 * (e.g. it has no title). Either way it is taken once.
 */
record FeedItem(String identity, @Nullable IncomingStory story, @Nullable String unreadable) {

	static FeedItem of(String identity, IncomingStory story) {
		return new FeedItem(identity, story, null);
	}

	static FeedItem unreadable(String identity, String reason) {
		return new FeedItem(identity, null, reason);
	}
}

package news.flashwire.ingest.feed;

/** A poll that read nothing: the feed did not answer in time, answered an error, or sent what is not a feed. */
class FeedPollFailed extends RuntimeException {

	FeedPollFailed(String reason) {
		super(reason, null, false, false);
	}
}

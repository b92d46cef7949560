package news.flashwire.ingest.embargo;

import news.flashwire.ingest.story.IncomingStory;

/** One delivered version and its embargo, as a batch hands it to {@link EmbargoHold#submitAll}. */
public record Submission(IncomingStory story, Embargo embargo) {
}

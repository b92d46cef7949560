package news.flashwire.ingest.story;

import java.time.Instant;
import java.util.UUID;

import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;

/** Story versions as sources deliver them, each story with a fresh id. */
final class Stories {

	private Stories() {
	}

	static StoryId freshId() {
		return StoryId.of("afp", "urn:" + UUID.randomUUID());
	}

	static Story story(String headline, Urgency urgency) {
		return new Story(headline, Edition.of("ar"), urgency, null, null, Instant.parse("2026-11-29T10:00:00Z"), null);
	}

	static IncomingStory version(StoryId id, long version, String headline) {
		return IncomingStory.usable(id, version, story(headline, Urgency.ROUTINE));
	}
}

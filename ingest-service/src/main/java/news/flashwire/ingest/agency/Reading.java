package news.flashwire.ingest.agency;

import java.util.Objects;

import org.jspecify.annotations.Nullable;

import news.flashwire.ingest.embargo.Embargo;
import news.flashwire.ingest.story.IncomingStory;

/** One document of a delivery: read into a story and its embargo, or refused with the reason. */
record Reading(@Nullable IncomingStory story, Embargo embargo, @Nullable String problem) {

	Reading {
		if ((story == null) == (problem == null)) {
			throw new IllegalArgumentException("a reading is a story or a problem");
		}
	}

	static Reading of(IncomingStory story, Embargo embargo) {
		return new Reading(story, embargo, null);
	}

	static Reading refused(@Nullable String problem) {
		return new Reading(null, Embargo.NONE, Objects.requireNonNullElse(problem, "unreadable document"));
	}
}

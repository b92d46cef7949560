package news.flashwire.ingest.newsroom;

import java.time.Instant;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.flashwire.ingest.story.Outcome;

/**
 * What the newsroom API answers: the item's story id, its revision now, and what happened; {@code linkedTo} names the
 * item already published with the same headline, when this one was linked to it instead of published.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
record NewsroomResponse(String storyId, long revision, String status, @Nullable String linkedTo,
		@Nullable Instant embargoedUntil) {

	static NewsroomResponse of(Outcome outcome) {
		return new NewsroomResponse(outcome.storyId().value(), outcome.revision(), outcome.status(),
				outcome.linkedTo() != null ? outcome.linkedTo().value() : null, outcome.embargoedUntil());
	}
}

package news.flashwire.ingest.newsroom;

import org.jspecify.annotations.Nullable;

/** A correction: the note saying what was wrong, and the fields that change (the others stay as they were). */
record Correction(@Nullable String note, @Nullable String headline, @Nullable String urgency, @Nullable String link,
		@Nullable String category) {

	NewsroomItem changes() {
		return new NewsroomItem(headline, null, urgency, link, category, null);
	}
}

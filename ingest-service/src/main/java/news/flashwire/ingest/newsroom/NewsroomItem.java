package news.flashwire.ingest.newsroom;

import org.jspecify.annotations.Nullable;

/**
 * An editor's urgent item: headline, edition ("ar", "en"), urgency ({@code breaking}, {@code urgent},
 * {@code routine}; when absent, a "عاجل |" or "BREAKING:" prefix makes it breaking, else it is routine), an optional
 * http(s) link and category, and an optional embargo ({@code embargoedUntil}, ISO 8601 with a zone).
 */
record NewsroomItem(@Nullable String headline, @Nullable String edition, @Nullable String urgency,
		@Nullable String link, @Nullable String category, @Nullable String embargoedUntil) {
}

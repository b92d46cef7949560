package news.flashwire.ingest.agency;

import java.time.Instant;
import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What ingest answers for a delivery: one result per document, in order. */
record IngestResponse(List<Result> results) {

	/**
	 * A document's story id, revision and status; {@code linkedTo} for a near-duplicate; a {@code rejected} document
	 * has no story id, only the {@code problem} that kept it out; a {@code held} one its {@code embargoedUntil}.
	 */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Result(@Nullable String storyId, long revision, String status, @Nullable String linkedTo,
			@Nullable String problem, @Nullable Instant embargoedUntil) {

		static Result rejected(@Nullable String problem) {
			return new Result(null, 0, "rejected", null, problem != null ? problem : "unreadable document", null);
		}
	}
}

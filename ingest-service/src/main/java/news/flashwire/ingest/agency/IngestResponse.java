package news.flashwire.ingest.agency;

import java.util.List;

import org.jspecify.annotations.Nullable;

import com.fasterxml.jackson.annotation.JsonInclude;

/** What ingest answers for a delivery: one result per document, in order. */
record IngestResponse(List<Result> results) {

	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Result(String storyId, long revision, String status, @Nullable String linkedTo) {
	}
}

package news.flashwire.ingest.agency;

import java.util.List;

/** What ingest answers for a delivery: one result per document, in order. */
record IngestResponse(List<Result> results) {

	record Result(String storyId, long revision, String status) {
	}
}

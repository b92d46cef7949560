package news.flashwire.ingest.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.util.unit.DataSize;

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.embargo.Submission;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.UnreadableStory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** What every agency input shares: the agency name check, the body limit, and publishing a batch item by item. */
final class AgencyDeliveries {

	private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private AgencyDeliveries() {
	}

	static void checkName(String agency) {
		if (!AGENCY.matcher(agency).matches()) {
			throw new UnreadableStory("agency must be lower-case letters, digits and dashes");
		}
	}

	/**
	 * The whole body, up to the request limit: past it a {@code DataBufferLimitException}, answered 413 by
	 * {@code OversizedRequests}. Read here, not by a codec, so the agency limit can allow batches while the codecs'
	 * {@code spring.codec.max-in-memory-size} stays small for the rest of the API.
	 */
	static Mono<byte[]> body(Flux<DataBuffer> body, DataSize max) {
		return DataBufferUtils.join(body, (int) max.toBytes()).map(buffer -> {
			try {
				byte[] bytes = new byte[buffer.readableByteCount()];
				buffer.read(bytes);
				return bytes;
			}
			finally {
				DataBufferUtils.release(buffer);
			}
		}).defaultIfEmpty(new byte[0]);
	}

	/**
	 * Each document all-or-nothing, in order: a refused one is a rejected result at once, the others are submitted
	 * together (one transaction when none is embargoed) and their results put back in document order.
	 */
	static Mono<IngestResponse> publishEach(EmbargoHold hold, List<Reading> readings) {
		IngestResponse.Result[] results = new IngestResponse.Result[readings.size()];
		List<Integer> submitted = new ArrayList<>(readings.size());
		List<Submission> submissions = new ArrayList<>(readings.size());
		for (int i = 0; i < readings.size(); i++) {
			Reading reading = readings.get(i);
			if (reading.story() == null) {
				results[i] = IngestResponse.Result.rejected(reading.problem());
			}
			else {
				submissions.add(new Submission(reading.story(), reading.embargo()));
				submitted.add(i);
			}
		}
		Mono<List<Outcome>> outcomes = submissions.isEmpty() ? Mono.just(List.of()) : hold.submitAll(submissions);
		return outcomes.map(published -> {
			for (int i = 0; i < published.size(); i++) {
				results[submitted.get(i)] = resultOf(published.get(i));
			}
			return new IngestResponse(List.of(results));
		});
	}

	static IngestResponse.Result resultOf(Outcome outcome) {
		return new IngestResponse.Result(outcome.storyId().value(), outcome.revision(), outcome.status(),
				outcome.linkedTo() != null ? outcome.linkedTo().value() : null, null, outcome.embargoedUntil());
	}
}

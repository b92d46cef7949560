package news.flashwire.ingest.agency;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.embargo.Submission;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.UnreadableStory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Agencies push IPTC ninjs documents here: one document, a JSON array, or NDJSON. A single document that cannot be
 * read is a 400; in a batch each document is all-or-nothing with its own result, so one bad document rejects only
 * itself.
 */
@RestController
class NinjsController {

	private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	static final String NDJSON = "application/x-ndjson";

	private final EmbargoHold hold;

	private final AgencySettings settings;

	private final SchemaCheck schemas;

	NinjsController(EmbargoHold hold, AgencySettings settings, SchemaCheck schemas) {
		this.hold = hold;
		this.schemas = schemas;
		this.settings = settings;
	}

	@PostMapping(path = "/v1/agencies/{agency}/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receive(@PathVariable String agency, @RequestBody JsonNode body) {
		checkName(agency);
		if (!body.isArray()) {
			schemas.check(agency, body, settings.source(agency));
			IncomingStory story = NinjsDocument.read(agency, body, settings.source(agency));
			return hold.submit(story, NinjsDocument.embargo(body))
				.map(outcome -> new IngestResponse(List.of(resultOf(outcome))));
		}
		return publishEach(agency, AgencyDocuments.ofJson(body, settings.maxDocuments()));
	}

	@PostMapping(path = "/v1/agencies/{agency}/stories", consumes = NDJSON)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receiveNdjson(@PathVariable String agency, @RequestBody byte[] body) {
		checkName(agency);
		return publishEach(agency, AgencyDocuments.ofNdjson(body, settings.maxDocuments()));
	}

	// Unreadable documents are answered at once; the others are submitted together (one transaction when none is
	// embargoed), and the results are put back in document order.
	private Mono<IngestResponse> publishEach(String agency, List<JsonNode> documents) {
		AgencySettings.Source source = settings.source(agency);
		IngestResponse.Result[] results = new IngestResponse.Result[documents.size()];
		List<Integer> submitted = new ArrayList<>(documents.size());
		List<Submission> submissions = new ArrayList<>(documents.size());
		for (int i = 0; i < documents.size(); i++) {
			try {
				submissions.add(read(agency, documents.get(i), source));
				submitted.add(i);
			}
			catch (UnreadableStory | SchemaViolations ex) {
				results[i] = IngestResponse.Result.rejected(ex.getBody().getDetail());
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

	private Submission read(String agency, JsonNode document, AgencySettings.Source source) {
		schemas.check(agency, document, source);
		return new Submission(NinjsDocument.read(agency, document, source), NinjsDocument.embargo(document));
	}

	private static void checkName(String agency) {
		if (!AGENCY.matcher(agency).matches()) {
			throw new UnreadableStory("agency must be lower-case letters, digits and dashes");
		}
	}

	static IngestResponse.Result resultOf(Outcome outcome) {
		return new IngestResponse.Result(outcome.storyId().value(), outcome.revision(), outcome.status(),
				outcome.linkedTo() != null ? outcome.linkedTo().value() : null, null, outcome.embargoedUntil());
	}
}

package news.flashwire.ingest.agency;

import java.util.List;
import java.util.Optional;

import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.StoryLedger;
import news.flashwire.ingest.story.StoryState;
import news.flashwire.ingest.story.UnreadableStory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * Agencies push IPTC ninjs documents here: one document, a JSON array, or NDJSON. A single document that cannot be
 * read is a 400, one over the per-document limit a 413; in a batch each document is all-or-nothing with its own
 * result, so one bad or oversized document rejects only itself.
 */
@RestController
class NinjsController {

	static final String NDJSON = "application/x-ndjson";

	private final EmbargoHold hold;

	private final AgencySettings settings;

	private final SchemaCheck schemas;

	private final StoryLedger ledger;

	NinjsController(EmbargoHold hold, AgencySettings settings, SchemaCheck schemas, StoryLedger ledger) {
		this.hold = hold;
		this.ledger = ledger;
		this.schemas = schemas;
		this.settings = settings;
	}

	@PostMapping(path = "/v1/agencies/{agency}/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receive(@PathVariable String agency, @RequestBody Flux<DataBuffer> body) {
		AgencyDeliveries.checkName(agency);
		long maxBytes = settings.maxDocumentSize().toBytes();
		return AgencyDeliveries.body(body, settings.maxRequestSize()).flatMap(bytes -> {
			if (AgencyDocuments.isArray(bytes)) {
				return publishEach(agency, AgencyDocuments.ofJsonArray(bytes, settings.maxDocuments(), maxBytes));
			}
			if (bytes.length > maxBytes) {
				throw new DocumentTooLarge(maxBytes);
			}
			AgencySettings.Source source = settings.source(agency);
			JsonNode document = source.dialect().adapt(AgencyDocuments.ofJson(bytes));
			schemas.check(agency, document, source);
			IncomingStory story = NinjsDocument.read(agency, document, source, this::knownStory);
			return hold.submit(story, NinjsDocument.embargo(document))
				.map(outcome -> new IngestResponse(List.of(AgencyDeliveries.resultOf(outcome))));
		});
	}

	@PostMapping(path = "/v1/agencies/{agency}/stories", consumes = NDJSON)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receiveNdjson(@PathVariable String agency, @RequestBody Flux<DataBuffer> body) {
		AgencyDeliveries.checkName(agency);
		return AgencyDeliveries.body(body, settings.maxRequestSize())
			.flatMap(bytes -> publishEach(agency, AgencyDocuments.ofNdjson(bytes, settings.maxDocuments(),
					settings.maxDocumentSize().toBytes())));
	}

	private Mono<IngestResponse> publishEach(String agency, List<AgencyDocuments.Delivered> documents) {
		AgencySettings.Source source = settings.source(agency);
		List<Reading> readings = documents.stream()
			.map(document -> document.json() == null ? Reading.refused(document.refused())
					: read(agency, document.json(), source))
			.toList();
		return AgencyDeliveries.publishEach(hold, readings);
	}

	/** The story as published or held here: what a kill that names only its story kills. */
	private Optional<Story> knownStory(StoryId id) {
		return ledger.state(id).map(StoryState::story).or(() -> hold.heldStory(id));
	}

	private Reading read(String agency, JsonNode delivered, AgencySettings.Source source) {
		try {
			JsonNode document = source.dialect().adapt(delivered);
			schemas.check(agency, document, source);
			return Reading.of(NinjsDocument.read(agency, document, source, this::knownStory),
					NinjsDocument.embargo(document));
		}
		catch (UnreadableStory | SchemaViolations ex) {
			return Reading.refused(ex.getBody().getDetail());
		}
	}
}

package news.flashwire.ingest.agency;

import java.util.List;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.story.IncomingStory;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/**
 * The newsroom's own ninjs documents: our API, so the schema is a gate (400 with the first violations), never a
 * diagnostic. Stories are the newsroom's ({@code newsroom:<uri>}).
 */
@RestController
class NewsroomNinjsController {

	private static final String PROVIDER = "newsroom";

	private static final AgencySettings.Source STRICT = new AgencySettings.Source(1, 2, AgencySettings.Validation.GATE);

	private final EmbargoHold hold;

	private final SchemaCheck schemas;

	NewsroomNinjsController(EmbargoHold hold, SchemaCheck schemas) {
		this.hold = hold;
		this.schemas = schemas;
	}

	@PostMapping(path = "/v1/newsroom/ninjs", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receive(@RequestBody JsonNode document) {
		schemas.check(PROVIDER, document, STRICT);
		IncomingStory story = NinjsDocument.read(PROVIDER, document, STRICT);
		return hold.submit(story, NinjsDocument.embargo(document))
			.map(outcome -> new IngestResponse(List.of(AgencyDeliveries.resultOf(outcome))));
	}
}

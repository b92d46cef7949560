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

import news.flashwire.ingest.publish.StoryPublisher;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.UnreadableStory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Agencies push IPTC ninjs documents here: one document or a JSON array of them. */
@RestController
class NinjsController {

	private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final int MAX_DOCUMENTS = 500;

	private final StoryPublisher publisher;

	private final AgencySettings settings;

	NinjsController(StoryPublisher publisher, AgencySettings settings) {
		this.publisher = publisher;
		this.settings = settings;
	}

	@PostMapping(path = "/v1/agencies/{agency}/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receive(@PathVariable String agency, @RequestBody JsonNode body) {
		if (!AGENCY.matcher(agency).matches()) {
			throw new UnreadableStory("agency must be lower-case letters, digits and dashes");
		}
		List<IncomingStory> stories = read(agency, body, settings.source(agency));
		return Flux.fromIterable(stories)
			.concatMap(publisher::publish)
			.map(NinjsController::resultOf)
			.collectList()
			.map(IngestResponse::new);
	}

	private static List<IncomingStory> read(String agency, JsonNode body, AgencySettings.Source source) {
		if (!body.isArray()) {
			return List.of(NinjsDocument.read(agency, body, source));
		}
		if (body.isEmpty() || body.size() > MAX_DOCUMENTS) {
			throw new UnreadableStory("a batch holds 1 to " + MAX_DOCUMENTS + " documents");
		}
		List<IncomingStory> stories = new ArrayList<>();
		for (JsonNode doc : body) {
			stories.add(NinjsDocument.read(agency, doc, source));
		}
		return stories;
	}

	private static IngestResponse.Result resultOf(Outcome outcome) {
		return new IngestResponse.Result(outcome.storyId().value(), outcome.revision(), outcome.status(),
				outcome.linkedTo() != null ? outcome.linkedTo().value() : null);
	}
}

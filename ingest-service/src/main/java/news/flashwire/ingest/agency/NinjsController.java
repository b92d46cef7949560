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
import news.flashwire.ingest.story.Publication;
import news.flashwire.ingest.story.StoryIntake;
import news.flashwire.ingest.story.UnreadableStory;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;

/** Agencies push IPTC ninjs documents here: one document or a JSON array of them. */
@RestController
class NinjsController {

	private static final Pattern AGENCY = Pattern.compile("[a-z0-9][a-z0-9-]{0,39}");

	private static final int MAX_DOCUMENTS = 500;

	private final StoryIntake intake;

	private final StoryPublisher publisher;

	NinjsController(StoryIntake intake, StoryPublisher publisher) {
		this.intake = intake;
		this.publisher = publisher;
	}

	@PostMapping(path = "/v1/agencies/{agency}/stories", consumes = MediaType.APPLICATION_JSON_VALUE)
	@ResponseStatus(HttpStatus.ACCEPTED)
	Mono<IngestResponse> receive(@PathVariable String agency, @RequestBody JsonNode body) {
		if (!AGENCY.matcher(agency).matches()) {
			throw new UnreadableStory("agency must be lower-case letters, digits and dashes");
		}
		List<IncomingStory> stories = read(agency, body);
		return Flux.fromIterable(stories)
			.map(intake::accept)
			.concatMap(publisher::publish)
			.map(NinjsController::resultOf)
			.collectList()
			.map(IngestResponse::new);
	}

	private static List<IncomingStory> read(String agency, JsonNode body) {
		if (!body.isArray()) {
			return List.of(NinjsDocument.read(agency, body));
		}
		if (body.isEmpty() || body.size() > MAX_DOCUMENTS) {
			throw new UnreadableStory("a batch holds 1 to " + MAX_DOCUMENTS + " documents");
		}
		List<IncomingStory> stories = new ArrayList<>();
		for (JsonNode doc : body) {
			stories.add(NinjsDocument.read(agency, doc));
		}
		return stories;
	}

	private static IngestResponse.Result resultOf(Publication publication) {
		return new IngestResponse.Result(publication.event().storyId().value(), publication.event().revision(),
				"published");
	}
}

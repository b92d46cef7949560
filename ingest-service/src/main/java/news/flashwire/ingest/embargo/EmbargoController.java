package news.flashwire.ingest.embargo;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;

import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.story.Outcome;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Editors see what is held and decide for what cannot decide itself: release now (e.g. a story held for an editor
 * because its embargo had no zone) or kill, which cancels it for good.
 */
@RestController
@RequestMapping("/v1/newsroom/held")
class EmbargoController {

	private final EmbargoHolds holds;

	private final EmbargoHold hold;

	private final EmbargoRelease release;

	EmbargoController(EmbargoHolds holds, EmbargoHold hold, EmbargoRelease release) {
		this.holds = holds;
		this.hold = hold;
		this.release = release;
	}

	@GetMapping
	List<Held> list() {
		return holds.all().stream().sorted(Comparator.comparing(HeldStory::heldAt)).map(Held::of).toList();
	}

	@PostMapping("/{id}/release")
	Mono<Answer> release(@PathVariable String id) {
		HeldStory story = holds.get(storyId(id)).orElseThrow(() -> new HeldStoryNotFound(id));
		return Mono.fromCallable(() -> release.release(story).orElseThrow(() -> new HeldStoryNotFound(id)))
			.subscribeOn(Schedulers.boundedElastic())
			.map(Answer::of);
	}

	@PostMapping("/{id}/kill")
	Mono<Answer> kill(@PathVariable String id) {
		return hold.cancel(storyId(id)).map(Answer::of).switchIfEmpty(Mono.error(() -> new HeldStoryNotFound(id)));
	}

	// The same by a query parameter: an agency's id is often a URL, whose slashes no path segment can carry.
	@PostMapping(path = "/release", params = "storyId")
	Mono<Answer> releaseByQuery(@RequestParam String storyId) {
		return release(storyId);
	}

	@PostMapping(path = "/kill", params = "storyId")
	Mono<Answer> killByQuery(@RequestParam String storyId) {
		return kill(storyId);
	}

	private static StoryId storyId(String id) {
		try {
			return new StoryId(id);
		}
		catch (IllegalArgumentException ex) {
			throw new HeldStoryNotFound("with that id");
		}
	}

	/** A held story as editors see it. */
	@JsonInclude(JsonInclude.Include.NON_NULL)
	record Held(String storyId, String status, String headline, String edition, @Nullable Instant embargoedUntil,
			@Nullable String embargo, Instant heldAt) {

		static Held of(HeldStory story) {
			return new Held(story.storyId().value(), story.status(), story.story().headline(),
					story.story().edition().code(), story.embargoedUntil(), story.embargo(), story.heldAt());
		}
	}

	/** What a release or kill did. */
	record Answer(String storyId, long revision, String status) {

		static Answer of(Outcome outcome) {
			return new Answer(outcome.storyId().value(), outcome.revision(), outcome.status());
		}
	}
}

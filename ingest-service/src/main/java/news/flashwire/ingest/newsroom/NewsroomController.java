package news.flashwire.ingest.newsroom;

import java.nio.charset.StandardCharsets;
import java.security.Principal;
import java.time.Clock;
import java.util.UUID;

import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.ingest.embargo.EmbargoHold;
import news.flashwire.ingest.publish.StoryPublisher;
import news.flashwire.ingest.story.HeadlineText;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.StoryLedger;
import news.flashwire.ingest.story.StoryState;
import news.flashwire.ingest.story.UnreadableStory;
import reactor.core.publisher.Mono;

/**
 * Editors' urgent items: post, update, correct, kill. Each change is one event on the stories topic, answered only
 * after Kafka acknowledged it, with the story id and revision. With an {@code Idempotency-Key} a post sent twice is one
 * item: the key (per editor) decides the story id, the same item again replays the first answer, and another item with
 * the same key is a 422 ({@link IdempotentPosts}).
 */
@RestController
@RequestMapping(path = "/v1/newsroom/items", consumes = MediaType.APPLICATION_JSON_VALUE)
class NewsroomController {

	private static final String PROVIDER = "newsroom";

	private static final int MAX_KEY = 200;

	private final StoryPublisher publisher;

	private final StoryLedger ledger;

	private final EmbargoHold hold;

	private final IdempotentPosts posts;

	NewsroomController(StoryPublisher publisher, StoryLedger ledger, EmbargoHold hold, IdempotencySettings idempotency) {
		this.publisher = publisher;
		this.ledger = ledger;
		this.hold = hold;
		this.posts = new IdempotentPosts(idempotency.keptFor(), idempotency.maxKeys(), Clock.systemUTC());
	}

	@PostMapping
	Mono<ResponseEntity<NewsroomResponse>> post(@RequestBody NewsroomItem item, Principal editor,
			@RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key) {
		StoryId id = StoryId.of(PROVIDER, itemId(editor, key));
		if (key == null) {
			return submit(id, item);
		}
		return posts.once(editor.getName(), key, item, () -> {
			checkSameItemAsFirstPosted(id, item);
			return submit(id, item);
		});
	}

	private Mono<ResponseEntity<NewsroomResponse>> submit(StoryId id, NewsroomItem item) {
		IncomingStory incoming = IncomingStory.usable(id, 1, NewsroomStories.from(item));
		return hold.submit(incoming, NewsroomStories.embargo(item)).map(outcome -> answer(outcome, HttpStatus.CREATED));
	}

	// A key this instance does not remember (it restarted, or another instance answered the first post): the item's
	// first version, still unchanged in the ledger, tells whether this is the same item.
	private void checkSameItemAsFirstPosted(StoryId id, NewsroomItem item) {
		ledger.state(id).filter(state -> state.revision() == 1 && !state.killed()).ifPresent(state -> {
			if (!NewsroomStories.sameText(state.story(), NewsroomStories.from(item))) {
				throw new IdempotencyKeyReused();
			}
		});
	}

	@PutMapping("/{id}")
	Mono<ResponseEntity<NewsroomResponse>> update(@PathVariable String id, @RequestBody NewsroomItem item) {
		StoryState current = current(id);
		Story story = NewsroomStories.merge(item, current.story());
		return publish(IncomingStory.usable(new StoryId(id), IncomingStory.NEXT_VERSION, story));
	}

	@PostMapping("/{id}/corrections")
	Mono<ResponseEntity<NewsroomResponse>> correct(@PathVariable String id, @RequestBody Correction correction) {
		StoryState current = current(id);
		if (correction.note() == null || correction.note().isBlank()) {
			throw new UnreadableStory("a correction needs a note saying what was corrected");
		}
		Story story = NewsroomStories.merge(correction.changes(), current.story());
		return publish(IncomingStory.corrected(new StoryId(id), IncomingStory.NEXT_VERSION, story,
				HeadlineText.note(correction.note(), "correction note")));
	}

	@PostMapping("/{id}/kill")
	Mono<ResponseEntity<NewsroomResponse>> kill(@PathVariable String id, @RequestBody Kill kill) {
		if (kill.reason() == null || kill.reason().isBlank()) {
			throw new UnreadableStory("a kill needs a reason");
		}
		String reason = HeadlineText.note(kill.reason(), "kill reason");
		if (id.startsWith(PROVIDER + ":") && id.length() <= 256 && hold.isHeld(new StoryId(id))) {
			return hold.cancel(new StoryId(id)).map(outcome -> answer(outcome, HttpStatus.OK));
		}
		StoryState current = current(id);
		return publish(IncomingStory.killed(new StoryId(id), IncomingStory.NEXT_VERSION, current.story(), reason));
	}

	private Mono<ResponseEntity<NewsroomResponse>> publish(IncomingStory incoming) {
		return publisher.publish(incoming).map(outcome -> answer(outcome, HttpStatus.OK));
	}

	private StoryState current(String id) {
		if (!id.startsWith(PROVIDER + ":") || id.length() > 256) {
			throw new ItemNotFound(id);
		}
		StoryState state = ledger.state(new StoryId(id)).orElseThrow(() -> new ItemNotFound(id));
		if (state.killed()) {
			throw new ItemAlreadyKilled(id);
		}
		return state;
	}

	private static String itemId(Principal editor, @Nullable String key) {
		if (key == null) {
			return UUID.randomUUID().toString();
		}
		if (key.isBlank() || key.length() > MAX_KEY) {
			throw new UnreadableStory("Idempotency-Key must have 1 to " + MAX_KEY + " characters");
		}
		return UUID.nameUUIDFromBytes((editor.getName() + "\n" + key).getBytes(StandardCharsets.UTF_8)).toString();
	}

	private static ResponseEntity<NewsroomResponse> answer(Outcome outcome, HttpStatus published) {
		boolean unchanged = "duplicate".equals(outcome.status()) || "linked".equals(outcome.status());
		HttpStatus status = unchanged ? HttpStatus.OK : published;
		if ("already-killed".equals(outcome.status())) {
			throw new ItemAlreadyKilled(outcome.storyId().value());
		}
		return ResponseEntity.status(status).body(NewsroomResponse.of(outcome));
	}
}

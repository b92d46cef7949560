package news.flashwire.ingest.story;

import java.time.Instant;
import java.util.Optional;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;

/**
 * The story rules: decides what a delivered version becomes, given what the {@link StoryLedger} knows. The caller
 * holds the story's lock from this decision until the result is published and applied to the ledger; versions decided
 * together and published in one transaction are decided against a {@link StoryLedger.Draft} that holds the earlier
 * ones.
 */
@Component
public class StoryIntake {

	private final StoryLedger ledger;

	StoryIntake(StoryLedger ledger) {
		this.ledger = ledger;
	}

	public Decision decide(IncomingStory incoming) {
		return decide(incoming, ledger.draft());
	}

	/** Decides against the draft and, when something is to be published, applies it to the draft. */
	public Decision decide(IncomingStory incoming, StoryLedger.Draft draft) {
		Decision decision = decideAgainst(incoming, draft);
		Publication publication = decision.publication();
		if (publication != null) {
			draft.apply(publication.event(), decision.sourceVersion(), incoming.nearDuplicateKey());
		}
		return decision;
	}

	private Decision decideAgainst(IncomingStory incoming, StoryLedger.Draft draft) {
		Optional<StoryState> known = draft.state(incoming.storyId());
		if (known.isEmpty()) {
			return first(incoming, draft);
		}
		StoryState state = known.get();
		StoryId id = incoming.storyId();
		if (state.killed()) {
			return Decision.nothing(Outcome.of(id, state.revision(), "already-killed"));
		}
		long version = incoming.version() == IncomingStory.NEXT_VERSION ? state.sourceVersion() + 1 : incoming.version();
		if (incoming.status() == IncomingStory.Status.KILLED) {
			StoryEvent.Killed killed = kill(incoming, state.revision() + 1);
			return publish(version, killed, Alerts.forKill(state, killed));
		}
		if (version == state.sourceVersion()) {
			return Decision.nothing(Outcome.of(id, state.revision(), "duplicate"));
		}
		if (version < state.sourceVersion()) {
			return Decision.nothing(Outcome.of(id, state.revision(), "stale"));
		}
		StoryEvent event = newer(incoming, state.revision() + 1);
		return publish(version, event, Alerts.forChange(state, event));
	}

	private static Decision first(IncomingStory incoming, StoryLedger.Draft draft) {
		long version = incoming.version() == IncomingStory.NEXT_VERSION ? 1 : incoming.version();
		if (incoming.status() == IncomingStory.Status.KILLED) {
			return publish(version, kill(incoming, 1), null);
		}
		Optional<StoryId> original = draft.nearDuplicateOf(incoming.nearDuplicateKey(), incoming.storyId(),
				Instant.now());
		if (original.isPresent()) {
			long revision = draft.state(original.get()).map(StoryState::revision).orElse(0L);
			return Decision.nothing(new Outcome(incoming.storyId(), revision, "linked", original.get()));
		}
		StoryEvent event = new StoryEvent.Published(EventMeta.now(), incoming.storyId(), 1, incoming.story());
		return publish(version, event, Alerts.forNew(event, incoming.story()));
	}

	private static StoryEvent newer(IncomingStory incoming, long revision) {
		if (incoming.correction() != null) {
			return new StoryEvent.Corrected(EventMeta.now(), incoming.storyId(), revision, incoming.story(),
					incoming.correction());
		}
		return new StoryEvent.Updated(EventMeta.now(), incoming.storyId(), revision, incoming.story());
	}

	private static StoryEvent.Killed kill(IncomingStory incoming, long revision) {
		String reason = incoming.killReason() != null ? incoming.killReason() : "killed by the source";
		return new StoryEvent.Killed(EventMeta.now(), incoming.storyId(), revision, incoming.story().edition(), reason);
	}

	private static Decision publish(long sourceVersion, StoryEvent event, @Nullable Alert alert) {
		Outcome outcome = Outcome.of(event.storyId(), event.revision(), statusOf(event));
		return new Decision(outcome, new Publication(event, alert), sourceVersion);
	}

	private static String statusOf(StoryEvent event) {
		if (event instanceof StoryEvent.Published) {
			return "published";
		}
		if (event instanceof StoryEvent.Updated) {
			return "updated";
		}
		return event instanceof StoryEvent.Corrected ? "corrected" : "killed";
	}
}

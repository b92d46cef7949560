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
 * holds the story's lock from this decision until the result is published and applied to the ledger.
 */
@Component
public class StoryIntake {

	private final StoryLedger ledger;

	StoryIntake(StoryLedger ledger) {
		this.ledger = ledger;
	}

	public Decision decide(IncomingStory incoming) {
		Optional<StoryState> known = ledger.state(incoming.storyId());
		if (known.isEmpty()) {
			return first(incoming);
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

	private Decision first(IncomingStory incoming) {
		long version = incoming.version() == IncomingStory.NEXT_VERSION ? 1 : incoming.version();
		if (incoming.status() == IncomingStory.Status.KILLED) {
			return publish(version, kill(incoming, 1), null);
		}
		Optional<StoryId> original = ledger.nearDuplicateOf(incoming.nearDuplicateKey(), incoming.storyId(),
				Instant.now());
		if (original.isPresent()) {
			long revision = ledger.state(original.get()).map(StoryState::revision).orElse(0L);
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

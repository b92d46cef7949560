package news.flashwire.ingest.story;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Ready only once the story ledger has read the stories topic to its end: before that, a duplicate could pass. */
@Component
class StoryLedgerHealthIndicator extends AbstractHealthIndicator {

	private final StoryLedger ledger;

	StoryLedgerHealthIndicator(StoryLedger ledger) {
		super("Story ledger not available");
		this.ledger = ledger;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(ledger.caughtUp() ? builder.up() : builder.outOfService()).withDetail("stories", ledger.size());
	}
}

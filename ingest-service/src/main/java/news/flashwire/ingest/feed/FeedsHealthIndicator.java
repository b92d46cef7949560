package news.flashwire.ingest.feed;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/**
 * Each feed's last poll, success and error as health details. Always up: a broken feed is the feed's problem, and
 * must not take ingest out of service for agencies and editors.
 */
@Component
class FeedsHealthIndicator extends AbstractHealthIndicator {

	private final FeedActivity activity;

	private final FeedStates states;

	FeedsHealthIndicator(FeedActivity activity, FeedStates states) {
		super("Feed activity not available");
		this.activity = activity;
		this.states = states;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		builder.up().withDetail("stateRead", states.caughtUp());
		builder.withDetail("sources", activity.statuses());
	}
}

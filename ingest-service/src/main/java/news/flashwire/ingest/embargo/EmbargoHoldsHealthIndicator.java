package news.flashwire.ingest.embargo;

import org.springframework.boot.health.contributor.AbstractHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.stereotype.Component;

/** Ready only once the held topic has been read to its end: before that, a held story could be missed. */
@Component
class EmbargoHoldsHealthIndicator extends AbstractHealthIndicator {

	private final EmbargoHolds holds;

	EmbargoHoldsHealthIndicator(EmbargoHolds holds) {
		super("Embargo holds not available");
		this.holds = holds;
	}

	@Override
	protected void doHealthCheck(Health.Builder builder) {
		(holds.caughtUp() ? builder.up() : builder.outOfService()).withDetail("held", holds.all().size());
	}
}

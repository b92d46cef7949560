package news.flashwire.push.audit;

import java.util.List;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Who may read the delivery audit, and how much of it is kept.
 *
 * @param tokens the bearer tokens that may read {@code GET /v1/alerts/{id}/deliveries} (e.g. the newsroom's
 * ingest-service); none configured, nobody may
 * @param lastOutcomes for how many subscriptions the last delivery outcome is remembered (the most recent first)
 */
@ConfigurationProperties("flashwire.push.audit")
record AuditSettings(@DefaultValue List<String> tokens, @DefaultValue("100000") int lastOutcomes) {

	AuditSettings {
		tokens = tokens.stream().filter(token -> !token.isBlank()).toList();
		if (lastOutcomes < 1) {
			throw new IllegalArgumentException("flashwire.push.audit.last-outcomes must be at least 1");
		}
	}

	@Override
	public String toString() {
		return "AuditSettings[tokens=" + tokens.size() + " configured, lastOutcomes=" + lastOutcomes + "]";
	}
}

package news.flashwire.common.story;

import java.net.URI;
import java.time.Instant;
import java.util.Objects;

import org.jspecify.annotations.Nullable;

/** What the public sees of one version of a story: already validated and normalized by ingest. */
public record Story(String headline, Edition edition, Urgency urgency, @Nullable URI link, @Nullable String category,
		Instant publishedAt, @Nullable Instant expiresAt) {

	public Story {
		if (headline == null || headline.isBlank()) {
			throw new IllegalArgumentException("headline is required");
		}
		Objects.requireNonNull(edition, "edition is required");
		Objects.requireNonNull(urgency, "urgency is required");
		Objects.requireNonNull(publishedAt, "publishedAt is required");
	}

	/** The language of the text, which is the edition's language. */
	public String language() {
		return edition.language();
	}
}

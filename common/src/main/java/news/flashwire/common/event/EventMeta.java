package news.flashwire.common.event;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** What every event carries: its own id (the consumers' dedupe key), when it happened and its schema version. */
public record EventMeta(UUID eventId, Instant occurredAt, int schemaVersion) {

	public static final int CURRENT_SCHEMA_VERSION = 1;

	public EventMeta {
		Objects.requireNonNull(eventId, "eventId is required");
		Objects.requireNonNull(occurredAt, "occurredAt is required");
		if (schemaVersion < 1) {
			throw new IllegalArgumentException("schemaVersion must be 1 or more");
		}
	}

	/** A new event's meta: a fresh id (see {@link EventIds}), this instant, the current schema version. */
	public static EventMeta now() {
		return new EventMeta(EventIds.next(), Instant.now(), CURRENT_SCHEMA_VERSION);
	}
}

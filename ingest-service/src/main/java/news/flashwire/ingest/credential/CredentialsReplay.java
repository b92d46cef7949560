package news.flashwire.ingest.credential;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.EventJson;
import news.flashwire.ingest.replay.TopicReplay;
import tools.jackson.core.JacksonException;

/**
 * Reads the credentials topic into the {@link CredentialStore}, and keeps reading, so that a credential created,
 * rotated, disabled or deleted on any instance changes on this one within moments.
 */
@Component
class CredentialsReplay extends TopicReplay {

	private static final Logger log = LoggerFactory.getLogger(CredentialsReplay.class);

	private final CredentialStore store;

	CredentialsReplay(CredentialStore store, KafkaAdmin admin) {
		super(CredentialTopic.NAME, admin);
		this.store = store;
	}

	@Override
	protected void apply(ConsumerRecord<String, byte[]> record) {
		store.apply(record.key(), read(record.value()), record.partition(), record.offset());
	}

	// The parser's message could quote the record, and a record holds a password hash: never let it reach the log.
	private static @Nullable ManagedCredential read(byte @Nullable [] value) {
		if (value == null) {
			return null;
		}
		try {
			return EventJson.MAPPER.readValue(value, ManagedCredential.class);
		}
		catch (JacksonException ex) {
			throw new IllegalArgumentException("unreadable credential record");
		}
	}

	@Override
	protected boolean caughtUp() {
		return store.caughtUp();
	}

	@Override
	protected void markCaughtUp() {
		store.markCaughtUp();
		log.info("Credentials caught up with the credentials topic: {} managed credentials", store.size());
	}
}

package news.flashwire.ingest.credential;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import news.flashwire.common.event.TopicSettings;

/**
 * The managed credentials, keyed by name; compacted, so it keeps each credential's latest hash, role and state, and a
 * deletion is a tombstone. Only ingest reads it, so its name lives here rather than in {@code Topics}.
 */
@Configuration(proxyBeanMethods = false)
class CredentialTopic {

	static final String NAME = "flashwire.credentials";

	@Bean
	KafkaAdmin.NewTopics credentialTopics(Environment environment) {
		TopicSettings settings = Binder.get(environment).bindOrCreate("flashwire.topics", TopicSettings.class);
		return new KafkaAdmin.NewTopics(settings.compacted(NAME));
	}
}

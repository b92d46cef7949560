package news.flashwire.ingest.feed;

import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import news.flashwire.common.event.TopicSettings;

/**
 * The feed pollers' state, keyed by source name; compacted, so it holds each source's latest state. Only ingest reads
 * it, so its name lives here rather than in {@code Topics}.
 */
@Configuration(proxyBeanMethods = false)
class FeedStateTopic {

	static final String NAME = "flashwire.feed-state";

	@Bean
	KafkaAdmin.NewTopics feedStateTopics(Environment environment) {
		TopicSettings settings = Binder.get(environment).bindOrCreate("flashwire.topics", TopicSettings.class);
		return new KafkaAdmin.NewTopics(settings.compacted(NAME));
	}
}

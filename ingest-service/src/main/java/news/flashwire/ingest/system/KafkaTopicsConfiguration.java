package news.flashwire.ingest.system;

import java.util.ArrayList;
import java.util.List;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import news.flashwire.common.event.TopicSettings;
import news.flashwire.common.event.Topics;

/** Creates the topics ingest writes (and its compacted topic of held, embargoed stories), laid out as configured under {@code flashwire.topics}. */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	KafkaAdmin.NewTopics flashwireTopics(Environment environment) {
		TopicSettings settings = Binder.get(environment).bindOrCreate("flashwire.topics", TopicSettings.class);
		List<NewTopic> topics = new ArrayList<>(settings.declare(Topics.STORIES, Topics.ALERTS));
		topics.add(settings.compacted(Topics.HELD));
		return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
	}
}

package news.flashwire.push.system;

import org.apache.kafka.clients.admin.NewTopic;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.kafka.core.KafkaAdmin;

import news.flashwire.common.event.TopicSettings;
import news.flashwire.common.event.Topics;

/**
 * Creates the topics push reads and writes, laid out as configured under {@code flashwire.topics}. The fan-out
 * topic has as many partitions as the subscriptions topic: marker partition n belongs to subscriptions partition n.
 * The deliveries topic's retry topics are created by its {@code @RetryableTopic} with the same layout.
 */
@Configuration(proxyBeanMethods = false)
class KafkaTopicsConfiguration {

	@Bean
	KafkaAdmin.NewTopics flashwireTopics(Environment environment) {
		TopicSettings settings = Binder.get(environment).bindOrCreate("flashwire.topics", TopicSettings.class);
		return new KafkaAdmin.NewTopics(settings
			.declare(Topics.ALERTS, Topics.SUBSCRIPTIONS, Topics.DELIVERIES, Topics.FANOUT, Topics.DELIVERY_OUTCOMES)
			.toArray(NewTopic[]::new));
	}
}

package news.flashwire.push.delivery;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.retrytopic.RetryTopicConfigurationSupport;
import org.springframework.kafka.retrytopic.RetryTopicSchedulerWrapper;
import org.springframework.scheduling.concurrent.ThreadPoolTaskScheduler;

/**
 * The retry topics of {@link DeliveryListener}, as Spring Kafka sets them up, with one addition: a record forwarded to
 * the next retry topic or the dead letters carries its {@link FailureHeaders}, so the dead-letter handler knows what
 * went wrong (Spring's own exception headers hold the listener's wrapper message, not the failure's).
 */
@Configuration(proxyBeanMethods = false)
class DeliveryRetryTopics extends RetryTopicConfigurationSupport {

	/** What schedules a paused retry topic's resumption (without this class, Spring Kafka made one of its own). */
	@Bean
	RetryTopicSchedulerWrapper retryTopicScheduler() {
		ThreadPoolTaskScheduler scheduler = new ThreadPoolTaskScheduler();
		scheduler.setThreadNamePrefix("delivery-retries-");
		return new RetryTopicSchedulerWrapper(scheduler);
	}

	@Override
	protected void configureCustomizers(CustomizersConfigurer customizers) {
		customizers.customizeDeadLetterPublishingRecoverer(
				recoverer -> recoverer.addHeadersFunction((record, failure) -> FailureHeaders.of(failure, true)));
	}
}

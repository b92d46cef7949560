package news.flashwire.ticker.system;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.Serializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.support.serializer.DelegatingByTypeSerializer;
import org.springframework.util.backoff.ExponentialBackOff;

import news.flashwire.common.event.JsonEventSerializer;
import news.flashwire.common.event.Topics;

/**
 * No bad record stops a partition, and no good one is skipped: a record that cannot be read goes at once to its
 * topic's dead letters (same partition, original bytes); any other failure, such as the broker refusing a projected
 * change, is retried in place with growing pauses, so stories stay in order, and only after minutes dead-lettered.
 */
@Configuration(proxyBeanMethods = false)
class ListenerErrorHandling {

	private static final Duration GIVE_UP_AFTER = Duration.ofMinutes(5);

	@Bean
	DefaultErrorHandler listenerErrorHandler(KafkaProperties properties) {
		DeadLetterPublishingRecoverer recoverer = new DeadLetterPublishingRecoverer(deadLetterTemplate(properties),
				(record, exception) -> new TopicPartition(Topics.deadLetters(record.topic()), record.partition()));
		ExponentialBackOff backOff = new ExponentialBackOff(200, 2);
		backOff.setMaxInterval(10_000);
		backOff.setMaxElapsedTime(GIVE_UP_AFTER.toMillis());
		return new DefaultErrorHandler(recoverer, backOff);
	}

	private static KafkaTemplate<Object, Object> deadLetterTemplate(KafkaProperties properties) {
		Map<Class<?>, Serializer<?>> byType = new LinkedHashMap<>();
		byType.put(byte[].class, new ByteArraySerializer());
		byType.put(Object.class, new JsonEventSerializer<>());
		DefaultKafkaProducerFactory<Object, Object> producers = new DefaultKafkaProducerFactory<>(
				properties.buildProducerProperties(), new DelegatingByTypeSerializer(Map.of(String.class,
						new StringSerializer(), byte[].class, new ByteArraySerializer()), true),
				new DelegatingByTypeSerializer(byType, true));
		return new KafkaTemplate<>(producers);
	}
}

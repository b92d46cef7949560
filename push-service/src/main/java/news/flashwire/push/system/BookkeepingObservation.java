package news.flashwire.push.system;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation.DefaultKafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaListenerObservationConvention;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

import io.micrometer.common.KeyValues;

/**
 * Traces and times every listener except the delivery outcomes one: it reads one record per delivery, on every
 * instance, and a span each would cost more than recording the outcome (the deliveries themselves stay traced). A
 * listener's timer comes from its observation only, and every observation has the same tag keys (a listener without
 * a consumer group, such as the alerts listener, is tagged with group {@code none}): Prometheus refuses a second meter
 * of one name with other tag keys, and the first one registered used to hide all the others.
 */
@Configuration(proxyBeanMethods = false)
class BookkeepingObservation {

	private static final Set<String> UNOBSERVED = Set.of("push-audit");

	private static final KafkaListenerObservationConvention SAME_TAG_KEYS = new DefaultKafkaListenerObservationConvention() {

		@Override
		public KeyValues getLowCardinalityKeyValues(KafkaRecordReceiverContext context) {
			String group = context.getGroupId();
			return super.getLowCardinalityKeyValues(context)
				.and("messaging.kafka.consumer.group", group == null ? "none" : group);
		}
	};

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> unobservedBookkeeping() {
		return container -> {
			ContainerProperties properties = container.getContainerProperties();
			properties.setMicrometerEnabled(false);
			if (UNOBSERVED.contains(container.getListenerId())) {
				properties.setObservationEnabled(false);
			}
			else {
				properties.setObservationConvention(SAME_TAG_KEYS);
			}
		};
	}
}

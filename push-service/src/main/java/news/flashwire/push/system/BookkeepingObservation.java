package news.flashwire.push.system;

import java.util.Set;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;

/**
 * Traces and times every listener except the delivery outcomes one: it reads one record per delivery, on every
 * instance, and a span each would cost more than recording the outcome (the deliveries themselves stay traced).
 */
@Configuration(proxyBeanMethods = false)
class BookkeepingObservation {

	private static final Set<String> UNOBSERVED = Set.of("push-audit");

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> unobservedBookkeeping() {
		return container -> {
			if (UNOBSERVED.contains(container.getListenerId())) {
				container.getContainerProperties().setObservationEnabled(false);
			}
		};
	}
}

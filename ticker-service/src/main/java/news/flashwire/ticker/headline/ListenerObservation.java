package news.flashwire.ticker.headline;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.ContainerCustomizer;
import org.springframework.kafka.listener.ConcurrentMessageListenerContainer;
import org.springframework.kafka.listener.ContainerProperties;

/**
 * Which listeners are traced and timed, and by whom. The projector observes each story itself (it reads a poll at
 * once), so its container keeps no timer of its own: two timers of one name with different tag keys would make
 * Prometheus refuse the second. The reader of the ticker topic is
 * not observed: it applies every change on every instance, logs nothing per change, and a span each would cost more
 * than applying it; its lag is a metric of its own.
 */
@Configuration(proxyBeanMethods = false)
class ListenerObservation {

	@Bean
	ContainerCustomizer<Object, Object, ConcurrentMessageListenerContainer<Object, Object>> observedListeners() {
		return container -> {
			ContainerProperties properties = container.getContainerProperties();
			if (TickerReader.ID.equals(container.getListenerId())) {
				properties.setObservationEnabled(false);
				properties.setMicrometerEnabled(false);
			}
			else if (TickerProjector.ID.equals(container.getListenerId())) {
				properties.setMicrometerEnabled(false);
			}
		};
	}
}

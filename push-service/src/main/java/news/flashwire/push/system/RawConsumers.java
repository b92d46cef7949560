package news.flashwire.push.system;

import java.util.Properties;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.springframework.kafka.core.ConsumerFactory;

/** Short-lived, group-less consumers of raw bytes, for offsets and point reads. */
public final class RawConsumers {

	private RawConsumers() {
	}

	public static Consumer<?, ?> create(ConsumerFactory<?, ?> factory, String clientId) {
		Properties overrides = new Properties();
		overrides.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
		overrides.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
		overrides.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
		return factory.createConsumer(null, clientId, null, overrides);
	}
}

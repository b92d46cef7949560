package news.flashwire.ingest.publish;

import org.springframework.boot.testcontainers.service.connection.ServiceConnection;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;

/** The same tests against a broker in a container, where a Docker engine runs; skipped where none does. */
@Testcontainers(disabledWithoutDocker = true)
class StoryPublishingOnContainerBrokerIntegrationTests extends StoryPublishingIntegrationTests {

	@Container
	@ServiceConnection
	static final KafkaContainer KAFKA = new KafkaContainer("apache/kafka:4.1.2");
}

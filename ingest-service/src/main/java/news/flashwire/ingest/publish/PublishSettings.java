package news.flashwire.ingest.publish;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How ingest answers when Kafka does not acknowledge. */
@ConfigurationProperties("flashwire.ingest.publish")
record PublishSettings(@DefaultValue("5s") Duration retryAfter) {
}

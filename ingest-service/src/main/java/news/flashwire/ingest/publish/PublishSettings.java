package news.flashwire.ingest.publish;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How ingest answers when Kafka does not acknowledge; how long a request right after start-up waits for the story
 * ledger to catch up with the stories topic before it is refused.
 */
@ConfigurationProperties("flashwire.ingest.publish")
record PublishSettings(@DefaultValue("5s") Duration retryAfter, @DefaultValue("5s") Duration catchUpWait) {
}

package news.flashwire.ingest.embargo;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a request right after start-up waits for the held topic to be read before it is refused (503). */
@ConfigurationProperties("flashwire.ingest.embargo")
record EmbargoSettings(@DefaultValue("5s") Duration catchUpWait) {
}

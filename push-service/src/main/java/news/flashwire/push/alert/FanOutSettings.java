package news.flashwire.push.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param recoveryWindow how far back a new owner of a subscriptions partition looks for alerts whose fan-out to it
 * never finished
 */
@ConfigurationProperties("flashwire.push.fanout")
record FanOutSettings(@DefaultValue("1h") Duration recoveryWindow) {
}

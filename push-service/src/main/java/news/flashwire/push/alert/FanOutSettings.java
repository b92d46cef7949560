package news.flashwire.push.alert;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param recoveryWindow how far back a new owner of a subscriptions partition looks for alerts whose fan-out to it
 * never finished
 * @param hostsAtOnce how many destination hosts one fan-out delivers to at once, each with up to the per-host
 * concurrency in flight
 */
@ConfigurationProperties("flashwire.push.fanout")
record FanOutSettings(@DefaultValue("1h") Duration recoveryWindow, @DefaultValue("1024") int hostsAtOnce) {
}

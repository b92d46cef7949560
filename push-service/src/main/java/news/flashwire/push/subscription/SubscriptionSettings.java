package news.flashwire.push.subscription;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** @param creationsPerMinute subscriptions one client address may create per minute */
@ConfigurationProperties("flashwire.push.subscriptions")
record SubscriptionSettings(@DefaultValue("30") int creationsPerMinute) {
}

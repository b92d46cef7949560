package news.flashwire.push.subscription;

/** This instance now owns a subscriptions partition and has read all of it: it fans alerts out to it from now on. */
public record SubscriptionsLoaded(int partition) {
}

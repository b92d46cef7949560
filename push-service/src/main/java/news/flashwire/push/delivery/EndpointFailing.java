package news.flashwire.push.delivery;

/** A webhook's delivery went to the dead letters: its subscription is disabled until its owner re-enables it. */
public record EndpointFailing(String subscriptionId, String reason) {
}

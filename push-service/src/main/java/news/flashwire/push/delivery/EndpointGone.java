package news.flashwire.push.delivery;

/** A push service answered 404 or 410: the browser subscription no longer exists and is to be removed. */
public record EndpointGone(String subscriptionId) {
}

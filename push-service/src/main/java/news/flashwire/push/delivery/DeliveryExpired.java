package news.flashwire.push.delivery;

/** A delivery whose alert is no longer worth delivering (past its TTL or the story's expiry): no fault of the receiver. */
public class DeliveryExpired extends PermanentDeliveryFailure {

	public DeliveryExpired(String message) {
		super(message);
	}
}

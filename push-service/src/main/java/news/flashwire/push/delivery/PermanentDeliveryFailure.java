package news.flashwire.push.delivery;

/** A delivery that no retry can fix (refused address, 4xx, expired): straight to the dead letters. */
public class PermanentDeliveryFailure extends RuntimeException {

	public PermanentDeliveryFailure(String message) {
		super(message, null, false, false);
	}
}

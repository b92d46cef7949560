package news.flashwire.push.delivery;

/** A delivery attempt that failed and is worth retrying later (server error, timeout, busy host, 429). */
public class DeliveryFailure extends RuntimeException {

	public DeliveryFailure(String message) {
		super(message, null, false, false);
	}
}

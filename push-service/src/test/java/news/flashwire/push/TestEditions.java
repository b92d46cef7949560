package news.flashwire.push;

import java.util.concurrent.ThreadLocalRandom;

/**
 * Editions that no other test uses. The tests of this module share one broker, where every subscription a test
 * registers stays, and an alert goes to every subscriber of its edition: a test that alerts an edition of its own
 * reaches only its own subscribers, never the dead endpoints of the tests before it.
 */
public final class TestEditions {

	private static final String LETTERS = "abcdefghijklmnopqrstuvwxyz0123456789";

	private TestEditions() {
	}

	/** An Arabic edition code such as {@code ar-k3v9x0qa}. */
	public static String arabic() {
		StringBuilder code = new StringBuilder("ar-");
		for (int i = 0; i < 8; i++) {
			code.append(LETTERS.charAt(ThreadLocalRandom.current().nextInt(LETTERS.length())));
		}
		return code.toString();
	}
}

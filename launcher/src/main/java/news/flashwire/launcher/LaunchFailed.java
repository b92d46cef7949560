package news.flashwire.launcher;

/** Something the launcher needs did not start or stopped; the message says what and where its log is. */
final class LaunchFailed extends RuntimeException {

	LaunchFailed(String message) {
		super(message);
	}

}

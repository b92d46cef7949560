package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class OpenStreamsTests {

	private final OpenStreams streams = new OpenStreams();

	@Test
	void refusesNewStreamsWhileStoppedAndAdmitsThemAgainOnceStartedAgain() {
		streams.start();
		assertThatCode(streams::admit).doesNotThrowAnyException();

		streams.stop();
		assertThatThrownBy(streams::admit).isInstanceOf(TooManyStreams.class);

		streams.start();
		assertThatCode(streams::admit).doesNotThrowAnyException();
	}
}

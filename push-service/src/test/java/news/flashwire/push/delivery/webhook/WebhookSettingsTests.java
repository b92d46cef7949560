package news.flashwire.push.delivery.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;

class WebhookSettingsTests {

	@Test
	void oneEventLoopPerProcessorUnlessSetOtherwise() {
		assertThat(settings(0).eventLoopThreads()).isEqualTo(Runtime.getRuntime().availableProcessors());
		assertThat(settings(3).eventLoopThreads()).isEqualTo(3);
		assertThatIllegalArgumentException().isThrownBy(() -> settings(-1)).withMessageContaining("event-loops");
	}

	private static WebhookSettings settings(int eventLoops) {
		return new WebhookSettings(List.of(), Duration.ofSeconds(10), Duration.ofSeconds(30), Duration.ofMinutes(2),
				eventLoops);
	}
}

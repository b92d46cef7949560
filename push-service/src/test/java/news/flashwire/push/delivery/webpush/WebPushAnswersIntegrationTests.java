package news.flashwire.push.delivery.webpush;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

import io.micrometer.core.instrument.MeterRegistry;
import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryId;
import news.flashwire.common.story.Urgency;
import news.flashwire.push.delivery.DeliveryFailure;
import news.flashwire.push.delivery.PermanentDeliveryFailure;
import news.flashwire.push.delivery.webpush.WebPushSender.Result;

/** What each answer of a push service (RFC 8030) makes of a delivery, against a push service on 127.0.0.1. */
@SpringBootTest
class WebPushAnswersIntegrationTests {

	private static final String P256DH = "BCVxsr7N_eNgVRqvHtD0zTZsEc6-VV-JvLexhqUzORcxaOzi6-AYWXvTBHm4bjyPjs7Vd8pZGH6SRpkNtoIAiw4";

	private static final String AUTH = "BTBZMqHH6r4Tts7J_aSIgg";

	private static final Duration WAIT = Duration.ofSeconds(15);

	@Autowired
	WebPushSender sender;

	@Autowired
	MeterRegistry meters;

	private final FakePushService pushService = newPushService();

	@AfterEach
	void stop() {
		pushService.close();
	}

	@Test
	void acceptedAndGoneSubscriptions() {
		assertThat(send(pushService, "answer-201-a")).isEqualTo(Result.ACCEPTED);
		assertThat(send(pushService, "answer-404-a")).isEqualTo(Result.GONE);
		assertThat(send(pushService, "answer-410-a")).isEqualTo(Result.GONE);
	}

	@Test
	void aMessageThePushServiceRefusesIsNotRetried() {
		for (String refused : new String[] { "answer-400-a", "answer-413-a" }) {
			assertThatThrownBy(() -> send(pushService, refused)).isInstanceOf(PermanentDeliveryFailure.class);
		}
	}

	@Test
	void aRefusedVapidTokenRaisesTheAlarmAndKeepsTheSubscription() {
		double before = vapidRejections();

		assertThatThrownBy(() -> send(pushService, "answer-401-a")).isInstanceOf(PermanentDeliveryFailure.class)
			.hasMessageContaining("VAPID");
		assertThatThrownBy(() -> send(pushService, "answer-403-a")).isInstanceOf(PermanentDeliveryFailure.class);

		assertThat(vapidRejections()).isEqualTo(before + 2);
	}

	@Test
	void aServerErrorIsRetriedLater() {
		assertThatThrownBy(() -> send(pushService, "answer-503-a")).isInstanceOf(DeliveryFailure.class)
			.isNotInstanceOf(PermanentDeliveryFailure.class);
	}

	@Test
	void after429EveryDeliveryToThatPushServiceWaitsForRetryAfterWithoutFailing() {
		assertThatThrownBy(() -> send(pushService, "busy-once-a")).isInstanceOf(DeliveryFailure.class)
			.hasMessageContaining("429");
		Instant refused = pushService.messages().get(0).at();

		assertThat(send(pushService, "another-subscription")).isEqualTo(Result.ACCEPTED);
		assertThat(send(pushService, "busy-once-a")).isEqualTo(Result.ACCEPTED);

		assertThat(pushService.messages()).hasSize(3);
		assertThat(pushService.messages().get(1).at()).as("sent only once Retry-After had passed")
			.isAfterOrEqualTo(refused.plusSeconds(1));
	}

	@Test
	void aLongWaitSendsNothingAndLeavesTheDeliveryToItsRetriesAtOnce() {
		assertThatThrownBy(() -> send(pushService, "busy-long-c")).isInstanceOf(DeliveryFailure.class);

		// Sat out in place, the wait of 30 s would have ended in a send and a 201.
		assertThatThrownBy(() -> send(pushService, "another-c")).isInstanceOf(DeliveryFailure.class)
			.isNotInstanceOf(PermanentDeliveryFailure.class)
			.hasMessageContaining("asked us to wait");
		assertThat(pushService.messages()).hasSize(1);
	}

	@Test
	void aWaitLongerThanTheDeliveryLivesExpiresIt() {
		// A wait of half a minute: the next send falls within it however slow the machine.
		assertThatThrownBy(() -> send(pushService, "busy-long-b")).isInstanceOf(DeliveryFailure.class);

		assertThatThrownBy(() -> sender.send("msg_b", alert(), target(pushService, "c"), Instant.now().plusMillis(200))
			.block(WAIT)).isInstanceOf(PermanentDeliveryFailure.class).hasMessageContaining("expired");
		assertThat(pushService.messages()).hasSize(1);
	}

	private Result send(FakePushService to, String id) {
		return sender.send("msg_" + id, alert(), target(to, id), Instant.now().plus(Duration.ofHours(1))).block(WAIT);
	}

	private double vapidRejections() {
		return meters.find("flashwire.push.webpush.vapid.rejected").counters().stream().mapToDouble(c -> c.count()).sum();
	}

	private static WebPushTarget target(FakePushService to, String id) {
		return new WebPushTarget(URI.create(to.endpoint(id)), P256DH, AUTH);
	}

	private static Alert alert() {
		Story story = new Story("عاجل: زلزال يضرب جنوب تركيا", Edition.of("ar"), Urgency.BREAKING,
				URI.create("https://example.com/ar/quake"), "world", Instant.now(), null);
		return new Alert(EventMeta.now(), StoryId.of("test", UUID.randomUUID().toString()), 1, Alert.Kind.NEW, story,
				null);
	}

	private static FakePushService newPushService() {
		try {
			return new FakePushService();
		}
		catch (java.io.IOException ex) {
			throw new IllegalStateException(ex);
		}
	}
}

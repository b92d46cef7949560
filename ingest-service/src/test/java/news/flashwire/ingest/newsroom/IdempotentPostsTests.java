package news.flashwire.ingest.newsroom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

import news.flashwire.ingest.publish.BrokerUnavailable;
import reactor.core.publisher.Mono;
import reactor.core.publisher.Sinks;

/** Idempotency-Key as the IETF draft has it: a replay for the same item, 422 for another, 409 while under way. */
class IdempotentPostsTests {

	private static final NewsroomItem QUAKE = new NewsroomItem("زلزال بقوة 6.1 درجة يضرب جنوب تركيا", "ar", "breaking",
			null, null, null);

	private static final NewsroomItem FIRE = new NewsroomItem("حريق في مرفأ بيروت", "ar", "urgent", null, null, null);

	private final MovableClock clock = new MovableClock();

	private final IdempotentPosts posts = new IdempotentPosts(Duration.ofHours(24), 3, clock);

	private final AtomicInteger published = new AtomicInteger();

	@Test
	void replaysTheFirstAnswerForTheSameItem() {
		ResponseEntity<NewsroomResponse> first = posts.once("editor", "k1", QUAKE, this::publish).block();
		ResponseEntity<NewsroomResponse> again = posts.once("editor", "k1", QUAKE, this::publish).block();

		assertThat(again).isSameAs(first);
		assertThat(again.getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(published).hasValue(1);
	}

	@Test
	void refusesAnotherItemWithTheSameKeyWith422() {
		posts.once("editor", "k1", QUAKE, this::publish).block();

		assertThatThrownBy(() -> posts.once("editor", "k1", FIRE, this::publish)).isInstanceOf(IdempotencyKeyReused.class)
			.satisfies(ex -> assertThat(((IdempotencyKeyReused) ex).getStatusCode().value()).isEqualTo(422));
		assertThat(published).hasValue(1);
	}

	@Test
	void keepsKeysApartPerEditor() {
		posts.once("editor", "k1", QUAKE, this::publish).block();
		posts.once("admin", "k1", FIRE, this::publish).block();

		assertThat(published).hasValue(2);
	}

	@Test
	void answersARepeatWhileTheFirstIsUnderWayWith409() {
		Sinks.One<ResponseEntity<NewsroomResponse>> broker = Sinks.one();
		Mono<ResponseEntity<NewsroomResponse>> first = posts.once("editor", "k1", QUAKE, broker::asMono);
		first.subscribe();

		assertThatThrownBy(() -> posts.once("editor", "k1", QUAKE, this::publish)).isInstanceOf(IdempotencyKeyInUse.class);
		broker.tryEmitValue(ResponseEntity.status(HttpStatus.CREATED).body(response()));
		assertThat(posts.once("editor", "k1", QUAKE, this::publish).block().getStatusCode()).isEqualTo(HttpStatus.CREATED);
		assertThat(published).hasValue(0);
	}

	@Test
	void forgetsAPostThatFailedSoItCanBeRetried() {
		Mono<ResponseEntity<NewsroomResponse>> failing = posts.once("editor", "k1", QUAKE,
				() -> Mono.error(new BrokerUnavailable(Duration.ofSeconds(5), "the broker is down")));
		assertThatThrownBy(failing::block).isInstanceOf(BrokerUnavailable.class);

		posts.once("editor", "k1", FIRE, this::publish).block();
		assertThat(published).hasValue(1);
	}

	@Test
	void forgetsKeysAfterTheirTimeAndBeyondTheLimit() {
		posts.once("editor", "k1", QUAKE, this::publish).block();
		clock.advance(Duration.ofHours(25));
		posts.once("editor", "k1", FIRE, this::publish).block();

		for (String key : new String[] { "k2", "k3", "k4" }) {
			posts.once("editor", key, QUAKE, this::publish).block();
		}
		posts.once("editor", "k1", QUAKE, this::publish).block();

		assertThat(published).hasValue(6);
	}

	private Mono<ResponseEntity<NewsroomResponse>> publish() {
		published.incrementAndGet();
		return Mono.just(ResponseEntity.status(HttpStatus.CREATED).body(response()));
	}

	private static NewsroomResponse response() {
		return new NewsroomResponse("newsroom:1", 1, "published", null, null);
	}

	private static final class MovableClock extends Clock {

		private Instant now = Instant.parse("2026-11-29T10:00:00Z");

		void advance(Duration duration) {
			now = now.plus(duration);
		}

		@Override
		public ZoneId getZone() {
			return ZoneOffset.UTC;
		}

		@Override
		public Clock withZone(ZoneId zone) {
			return this;
		}

		@Override
		public Instant instant() {
			return now;
		}
	}
}

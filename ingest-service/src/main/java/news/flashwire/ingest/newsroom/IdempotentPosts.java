package news.flashwire.ingest.newsroom;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;

import reactor.core.publisher.Mono;

/**
 * The IETF idempotency-key draft for newsroom posts: per editor and key, the item first posted and the answer given.
 * The same item again replays that answer; another item is a 422; a repeat while the first is still being answered
 * a 409. A post that failed is forgotten, so it can be retried with its key. Kept in memory, at most
 * {@code maxKeys} for {@code keptFor}. A key no longer remembered (a restart, another instance) still names the same
 * story, so a repeat is never a second item: the controller then compares with the ledger's first version.
 */
class IdempotentPosts {

	private final Duration keptFor;

	private final Clock clock;

	private final Map<String, Remembered> keys;

	IdempotentPosts(Duration keptFor, int maxKeys, Clock clock) {
		this.keptFor = keptFor;
		this.clock = clock;
		this.keys = new LinkedHashMap<>(16, 0.75f, false) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<String, Remembered> eldest) {
				return size() > maxKeys;
			}
		};
	}

	Mono<ResponseEntity<NewsroomResponse>> once(String editor, String key, NewsroomItem item,
			Supplier<Mono<ResponseEntity<NewsroomResponse>>> post) {
		String id = editor + "\n" + key;
		Remembered earlier = rememberFirst(id, item);
		if (earlier == null) {
			return Mono.defer(post)
				.doOnNext(answer -> answered(id, item, answer))
				.doOnError(failure -> forget(id))
				.doOnCancel(() -> forget(id));
		}
		if (!earlier.item().equals(item)) {
			throw new IdempotencyKeyReused();
		}
		if (earlier.answer() == null) {
			throw new IdempotencyKeyInUse();
		}
		return Mono.just(earlier.answer());
	}

	// The earlier post with this key, if one is remembered; else this one is remembered as under way.
	private synchronized @Nullable Remembered rememberFirst(String id, NewsroomItem item) {
		Instant now = clock.instant();
		Remembered earlier = keys.get(id);
		if (earlier != null && earlier.at().plus(keptFor).isAfter(now)) {
			return earlier;
		}
		keys.remove(id);
		keys.put(id, new Remembered(item, null, now));
		return null;
	}

	private synchronized void answered(String id, NewsroomItem item, ResponseEntity<NewsroomResponse> answer) {
		keys.put(id, new Remembered(item, answer, clock.instant()));
	}

	private synchronized void forget(String id) {
		Remembered remembered = keys.get(id);
		if (remembered != null && remembered.answer() == null) {
			keys.remove(id);
		}
	}

	private record Remembered(NewsroomItem item, @Nullable ResponseEntity<NewsroomResponse> answer, Instant at) {
	}
}

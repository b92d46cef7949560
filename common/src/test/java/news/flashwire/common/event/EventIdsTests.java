package news.flashwire.common.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

class EventIdsTests {

	@Test
	void makesVersion7UuidsOfTheRfc9562VariantThatCarryTheMillisecond() {
		long before = Instant.now().toEpochMilli();
		UUID id = EventMeta.now().eventId();
		long after = Instant.now().toEpochMilli();

		assertThat(id.version()).isEqualTo(7);
		assertThat(id.variant()).isEqualTo(2);
		assertThat(id.getMostSignificantBits() >>> 16).isBetween(before, after);
		assertThat(UUID.fromString(id.toString())).isEqualTo(id);
	}

	@Test
	void neverRepeatsAnIdAcrossThreads() {
		Set<UUID> seen = ConcurrentHashMap.newKeySet();
		int perThread = 50_000;
		IntStream.range(0, 4).parallel().forEach(thread -> {
			for (int i = 0; i < perThread; i++) {
				seen.add(EventIds.next());
			}
		});

		assertThat(seen).hasSize(4 * perThread);
	}

	@Test
	void neverRepeatsAnIdMadeInQuickSuccession() {
		List<UUID> ids = IntStream.range(0, 10_000).mapToObj(i -> EventIds.next()).toList();

		assertThat(new HashSet<>(ids)).hasSize(ids.size());
	}
}

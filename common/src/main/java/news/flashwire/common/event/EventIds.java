package news.flashwire.common.event;

import java.security.SecureRandom;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Event ids as RFC 9562 version 7 UUIDs: the Unix millisecond, then 74 bits that are a random number drawn once per
 * process and a counter started at a random value ("monotonic random", RFC 9562 section 6.2, method 2). Within a
 * process two ids are never equal (the 62-bit counter would have to wrap); two processes share one only when they
 * drew the same 12 random bits and counters that meet in the same millisecond. Unlike {@link UUID#randomUUID()} it
 * takes no lock and no {@link SecureRandom} per id; event ids are dedupe keys, never secrets.
 */
final class EventIds {

	private static final SecureRandom SEED = new SecureRandom();

	private static final long RANDOM_A = SEED.nextInt(1 << 12);

	private static final AtomicLong COUNTER = new AtomicLong(SEED.nextLong());

	private static final long VERSION_7 = 0x7000L;

	private static final long VARIANT = 0x8000_0000_0000_0000L;

	private static final long COUNTER_BITS = 0x3FFF_FFFF_FFFF_FFFFL;

	private EventIds() {
	}

	static UUID next() {
		long mostSignificant = (System.currentTimeMillis() << 16) | VERSION_7 | RANDOM_A;
		long leastSignificant = VARIANT | (COUNTER.getAndIncrement() & COUNTER_BITS);
		return new UUID(mostSignificant, leastSignificant);
	}
}

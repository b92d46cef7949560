package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

class AppliedOffsetsTests {

	private final AppliedOffsets applied = new AppliedOffsets();

	@Test
	void aPartitionAppliedUpToTheEndAnswersAtOnce() throws Exception {
		applied.start(2, 0);
		applied.applied(2, 0);
		applied.applied(2, 6);

		long epoch = applied.awaitApplied(2, 7, Duration.ZERO);

		assertThat(epoch).isPositive();
		assertThat(applied.stillOwned(2, epoch)).isTrue();
	}

	@Test
	void aReadWaitsForTheRecordsBeforeTheEnd() throws Exception {
		applied.start(0, 10);
		CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> await(0, 13, Duration.ofSeconds(30)));

		applied.applied(0, 10);
		applied.applied(0, 11);
		assertThat(read).isNotDone();
		applied.applied(0, 12);

		assertThat(read.get(30, TimeUnit.SECONDS)).isPositive();
	}

	@Test
	void aPartitionNotOwnedOrNotCaughtUpInTimeIsNotAnsweredFromTheStore() throws Exception {
		assertThat(applied.owns(1)).isFalse();
		assertThat(applied.awaitApplied(1, 0, Duration.ZERO)).isEqualTo(-1);

		applied.start(1, 0);
		assertThat(applied.awaitApplied(1, 5, Duration.ofMillis(20))).isEqualTo(-1);
	}

	@Test
	void aRevocationEndsAWaitAndEveryNewAssignmentIsANewEpoch() throws Exception {
		applied.start(3, 0);
		CompletableFuture<Long> read = CompletableFuture.supplyAsync(() -> await(3, 5, Duration.ofSeconds(30)));
		applied.forget(List.of(3));
		assertThat(read.get(30, TimeUnit.SECONDS)).isEqualTo(-1);

		applied.start(3, 5);
		long first = applied.awaitApplied(3, 5, Duration.ZERO);
		applied.forget(List.of(3));
		applied.start(3, 5);

		assertThat(applied.owns(3)).isTrue();
		assertThat(applied.stillOwned(3, first)).isFalse();
		assertThat(applied.awaitApplied(3, 5, Duration.ZERO)).isGreaterThan(first);
	}

	@Test
	void anOlderOffsetNeverMovesAPartitionBack() throws Exception {
		applied.start(4, 0);
		applied.applied(4, 9);
		applied.applied(4, 3);

		assertThat(applied.awaitApplied(4, 10, Duration.ZERO)).isPositive();
	}

	private long await(int partition, long end, Duration timeout) {
		try {
			return applied.awaitApplied(partition, end, timeout);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}

package news.flashwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import news.flashwire.common.event.EventJson;

class FeedStateTests {

	@Test
	void remembersTakenItems() {
		FeedState state = FeedState.NONE.taking("guid-1");

		assertThat(state.hasTaken("guid-1")).isTrue();
		assertThat(state.hasTaken("guid-2")).isFalse();
		assertThat(state.sequence()).isEqualTo(1);
	}

	@Test
	void keepsTheListedItemsAndTheNewestOfTheOthersUpToTheBound() {
		FeedState state = FeedState.NONE.taking("old-1").taking("old-2").taking("old-3");

		FeedState read = state.read("\"v2\"", "Sun, 29 Nov 2026 08:00:00 GMT", List.of("new-1", "new-2"), 3);

		assertThat(read.etag()).isEqualTo("\"v2\"");
		assertThat(read.hasTaken("new-1")).isTrue();
		assertThat(read.hasTaken("new-2")).isTrue();
		assertThat(read.hasTaken("old-3")).as("the newest older item").isTrue();
		assertThat(read.hasTaken("old-1")).isFalse();
		assertThat(read.taken()).hasSize(3);
	}

	@Test
	void neverForgetsAnItemTheFeedStillLists() {
		FeedState read = FeedState.NONE.read(null, null, List.of("a", "b", "c", "d"), 2);

		assertThat(List.of("a", "b", "c", "d")).allMatch(read::hasTaken);
	}

	@Test
	void roundTripsAsJson() {
		FeedState state = FeedState.NONE.taking("guid-1").read("\"e\"", null, List.of("guid-1"), 10);

		byte[] json = EventJson.MAPPER.writeValueAsBytes(state);

		assertThat(EventJson.MAPPER.readValue(json, FeedState.class)).isEqualTo(state);
	}

	@Test
	void aNewerStateIsNeverUndoneByAnOlderOneReadBack() {
		FeedStates states = new FeedStates();
		FeedState older = FeedState.NONE.taking("a");
		FeedState newer = older.taking("b");

		states.apply("wire", newer);
		states.apply("wire", older);

		assertThat(states.of("wire")).isEqualTo(newer);
	}
}

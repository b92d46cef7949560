package news.flashwire.ingest.feed;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import news.flashwire.common.event.EventJson;

class FeedStateTests {

	@Test
	void remembersTakenItems() {
		FeedState state = FeedState.NONE.taking("guid-1", first("guid-1"));

		assertThat(state.hasTaken("guid-1")).isTrue();
		assertThat(state.hasTaken("guid-2")).isFalse();
		assertThat(state.sequence()).isEqualTo(1);
	}

	@Test
	void keepsTheListedItemsAndTheNewestOfTheOthersUpToTheBound() {
		FeedState state = FeedState.NONE.taking("old-1", first("old-1"))
			.taking("old-2", first("old-2"))
			.taking("old-3", first("old-3"));

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
		FeedState state = FeedState.NONE.taking("guid-1", first("guid-1")).read("\"e\"", null, List.of("guid-1"), 10);

		byte[] json = EventJson.MAPPER.writeValueAsBytes(state);

		assertThat(EventJson.MAPPER.readValue(json, FeedState.class)).isEqualTo(state);
	}

	@Test
	void aNewerStateIsNeverUndoneByAnOlderOneReadBack() {
		FeedStates states = new FeedStates();
		FeedState older = FeedState.NONE.taking("a", first("a"));
		FeedState newer = older.taking("b", first("b"));

		states.apply("wire", newer);
		states.apply("wire", older);

		assertThat(states.of("wire")).isEqualTo(newer);
	}

	@Test
	void remembersWhatEachItemPublishedAndItsVersion() {
		FeedState state = FeedState.NONE.taking("guid-1", first("guid-1"));

		FeedState changed = state.taking("guid-1", new FeedState.Published("corrected", 1));

		assertThat(changed.publishedOf("guid-1")).isEqualTo(new FeedState.Published("corrected", 1));
		assertThat(changed.taken()).as("a change is not a second item").hasSize(1);
		assertThat(changed.sequence()).isEqualTo(2);
		assertThat(changed.publishedOf("guid-2")).isNull();
	}

	@Test
	void roundTripsContentsAndVersionsAsJson() {
		FeedState state = FeedState.NONE.taking("guid-1", first("guid-1"))
			.taking("guid-2", first("guid-2"))
			.taking("guid-1", new FeedState.Published("corrected", 3))
			.read("\"e\"", null, List.of("guid-2", "guid-1"), 10);

		FeedState read = EventJson.MAPPER.readValue(EventJson.MAPPER.writeValueAsBytes(state), FeedState.class);

		assertThat(read).isEqualTo(state);
		assertThat(read.publishedOf("guid-1")).isEqualTo(new FeedState.Published("corrected", 3));
		assertThat(read.publishedOf("guid-2")).isEqualTo(first("guid-2"));
	}

	@Test
	void readsARecordWrittenBeforeContentsWereKeptAsTakenWithUnknownContent() {
		String old = "{\"sequence\":7,\"etag\":\"\\\"v1\\\"\",\"lastModified\":null,\"taken\":[\""
				+ FeedState.digest("guid-1") + "\"]}";

		FeedState state = EventJson.MAPPER.readValue(old.getBytes(StandardCharsets.UTF_8), FeedState.class);

		assertThat(state.sequence()).isEqualTo(7);
		assertThat(state.etag()).isEqualTo("\"v1\"");
		assertThat(state.hasTaken("guid-1")).isTrue();
		assertThat(state.publishedOf("guid-1")).as("unknown, not changed").isNull();
		FeedState recorded = state.remembering(Map.of("guid-1", first("guid-1")))
			.read("\"v1\"", null, List.of("guid-1"), 10);
		assertThat(recorded.publishedOf("guid-1")).isEqualTo(first("guid-1"));
		assertThat(recorded.taken()).containsExactly(FeedState.digest("guid-1"));
		assertThat(recorded.sameAs(state)).as("recording the content is a write").isFalse();
	}

	@Test
	void forgetsTheContentOfAnItemItForgets() {
		FeedState state = FeedState.NONE.taking("old", first("old")).taking("new", first("new"));

		FeedState read = state.read(null, null, List.of("new"), 1);

		assertThat(read.publishedOf("old")).isNull();
		assertThat(read.published()).hasSize(1);
	}

	private static FeedState.Published first(String identity) {
		return new FeedState.Published("content of " + identity, 0);
	}
}

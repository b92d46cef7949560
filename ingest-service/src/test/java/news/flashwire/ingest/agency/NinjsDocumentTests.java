package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import news.flashwire.common.event.EventJson;
import news.flashwire.common.story.Urgency;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.UnreadableStory;

class NinjsDocumentTests {

	@Test
	void readsANinjs3StoryWithItsMainHeadline() {
		IncomingStory story = read(AgencyStories.breakingArabic("urn:a:1"));

		assertThat(story.storyId().value()).isEqualTo("afp:urn:a:1");
		assertThat(story.story().headline()).isEqualTo("زلزال بقوة 6.1 درجة يضرب جنوب تركيا");
		assertThat(story.story().edition().code()).isEqualTo("ar");
		assertThat(story.story().urgency()).isEqualTo(Urgency.BREAKING);
		assertThat(story.version()).isEqualTo(1);
	}

	@Test
	void readsANinjs1StoryWithItsSingleHeadline() {
		IncomingStory story = read("""
				{"uri":"urn:b:1","type":"text","language":"en-GB","headline":"Markets  close\\n higher",
				"urgency":3,"version":"4","versioncreated":"2026-11-29T10:00:00+01:00"}""");

		assertThat(story.story().headline()).isEqualTo("Markets close higher");
		assertThat(story.story().edition().code()).isEqualTo("en");
		assertThat(story.version()).isEqualTo(4);
		assertThat(story.story().urgency()).isEqualTo(Urgency.ROUTINE);
	}

	@Test
	void removesBidiOverridesFromTheHeadline() {
		IncomingStory story = read(AgencyStories.ninjs3("urn:c:1", "ar", "عاجل\u202E txt", 5));

		assertThat(story.story().headline()).isEqualTo("عاجل txt");
	}

	@Test
	void readsACanceledStoryAsAKill() {
		IncomingStory story = read("""
				{"uri":"urn:d:1","language":"en","headline":"Withdrawn","pubstatus":"canceled","version":"2"}""");

		assertThat(story.status()).isEqualTo(IncomingStory.Status.KILLED);
	}

	@Test
	void rejectsAStoryWithoutUri() {
		assertThatThrownBy(() -> read("""
				{"language":"en","headline":"No id"}""")).isInstanceOf(UnreadableStory.class).hasMessageContaining("uri");
	}

	@Test
	void rejectsAStoryWithoutHeadline() {
		assertThatThrownBy(() -> read("""
				{"uri":"urn:e:1","language":"en"}"""))
			.isInstanceOf(UnreadableStory.class)
			.hasMessageContaining("headline");
	}

	@Test
	void rejectsAnUrgencyOutsideOneToNine() {
		assertThatThrownBy(() -> read(AgencyStories.ninjs3("urn:f:1", "en", "x", 12)))
			.isInstanceOf(UnreadableStory.class)
			.hasMessageContaining("urgency");
	}

	@Test
	void rejectsAHeadlineOfTheWrongType() {
		assertThatThrownBy(() -> read("""
				{"uri":"urn:g:1","language":"en","headline":{"nested":true}}"""))
			.isInstanceOf(UnreadableStory.class);
	}

	@Test
	void rejectsADateWithoutZone() {
		assertThatThrownBy(() -> read("""
				{"uri":"urn:h:1","language":"en","headline":"x","versioncreated":"2026-11-29T10:00:00"}"""))
			.isInstanceOf(UnreadableStory.class);
	}

	private static IncomingStory read(String json) {
		return NinjsDocument.read("afp", EventJson.MAPPER.readTree(json));
	}
}

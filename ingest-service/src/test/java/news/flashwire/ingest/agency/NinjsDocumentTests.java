package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import news.flashwire.common.event.EventJson;
import news.flashwire.common.story.Story;
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

	@Test
	void acceptsVersionZeroAndLargeNumericVersions() {
		assertThat(read(AgencyStories.ninjs3("urn:v:1", "en", "x", 5).replace("\"version\":\"1\"", "\"version\":\"0\""))
			.version()).isZero();
		assertThat(read(AgencyStories.ninjs3("urn:v:2", "en", "x", 5).replace("\"version\":\"1\"", "\"version\":\"20261129100501\""))
			.version()).isEqualTo(20261129100501L);
	}

	@Test
	void readsAWithheldStoryAsAKill() {
		IncomingStory story = read("""
				{"uri":"urn:w:1","language":"en","headline":"Held back","pubstatus":"withheld","version":"3"}""");

		assertThat(story.status()).isEqualTo(IncomingStory.Status.KILLED);
		assertThat(story.killReason()).isEqualTo("withheld by afp");
	}

	@Test
	void turnsABreakingPrefixIntoBreakingUrgency() {
		IncomingStory story = read(AgencyStories.ninjs3("urn:p:1", "ar", "عاجل | انفجار في بيروت", 6));

		assertThat(story.story().headline()).isEqualTo("انفجار في بيروت");
		assertThat(story.story().urgency()).isEqualTo(Urgency.BREAKING);
	}

	@Test
	void appliesTheAgencysOwnUrgencyThresholds() {
		var lenient = new AgencySettings.Source(3, 5, AgencySettings.Validation.DIAGNOSTIC);

		assertThat(NinjsDocument.read("afp", EventJson.MAPPER.readTree(AgencyStories.ninjs3("urn:t:1", "en", "x", 3)),
				lenient).story().urgency()).isEqualTo(Urgency.BREAKING);
		assertThat(NinjsDocument.read("afp", EventJson.MAPPER.readTree(AgencyStories.ninjs3("urn:t:2", "en", "x", 5)),
				lenient).story().urgency()).isEqualTo(Urgency.URGENT);
	}

	@Test
	void readsACorrectionNote() {
		IncomingStory story = read("""
				{"uri":"urn:k:1","language":"en","headline":"98 dead","version":"2","correction":"toll was 89"}""");

		assertThat(story.correction()).isEqualTo("toll was 89");
	}

	@Test
	void keepsEdnoteAndOtherInternalFieldsOutOfTheStory() {
		IncomingStory story = read("""
				{"uri":"urn:n:1","language":"en","headline":"Quake","version":"1",
				"ednote":"SECRET: do not publish the source's name","body_text":"internal draft"}""");

		assertThat(EventJson.MAPPER.writeValueAsString(story.story())).doesNotContain("SECRET", "internal draft");
	}

	private static IncomingStory read(String json) {
		return NinjsDocument.read("afp", EventJson.MAPPER.readTree(json));
	}

	@Test
	void readsTheCamelCaseFieldsOfNinjs3() {
		IncomingStory story = read("""
				{"uri":"urn:c:1","language":"en","headlines":[{"role":"main","value":"Withdrawn"}],"pubStatus":"canceled",
				"versionCreated":"2026-11-29T10:00:00Z"}""");

		assertThat(story.status()).isEqualTo(IncomingStory.Status.KILLED);
		assertThat(story.story().publishedAt()).isEqualTo(java.time.Instant.parse("2026-11-29T10:00:00Z"));
	}

	@Test
	void readsTheEmbargoOfEachVersion() {
		assertThat(NinjsDocument.embargo(EventJson.MAPPER.readTree("{\"embargoedUntil\":\"2026-11-29T10:00:00Z\"}")).until())
			.isEqualTo(java.time.Instant.parse("2026-11-29T10:00:00Z"));
		assertThat(NinjsDocument.embargo(EventJson.MAPPER.readTree("{\"embargoed\":\"2026-11-29T12:00:00+02:00\"}")).until())
			.isEqualTo(java.time.Instant.parse("2026-11-29T10:00:00Z"));
		assertThat(NinjsDocument.embargo(EventJson.MAPPER.readTree("{\"embargoed\":\"\"}")).until()).isNull();
		assertThat(NinjsDocument.embargo(EventJson.MAPPER.readTree("{\"embargoed\":12}")).embargoed()).isTrue();
		assertThat(NinjsDocument.embargo(EventJson.MAPPER.readTree("{\"uri\":\"x\"}")).embargoed()).isFalse();
	}

	@Test
	void readsAKillThatNamesOnlyItsStoryAsAKillOfTheKnownStory() {
		Story known = new Story("وزير يستقيل", news.flashwire.common.story.Edition.of("ar"), Urgency.URGENT, null, null,
				java.time.Instant.parse("2026-11-29T10:00:00Z"), null);
		IncomingStory kill = NinjsDocument.read("afp", EventJson.MAPPER.readTree("""
				{"uri":"urn:k:9","version":"3","pubStatus":"withheld"}"""), new AgencySettings.Source(1, 2, AgencySettings.Validation.DIAGNOSTIC),
				id -> id.value().equals("afp:urn:k:9") ? java.util.Optional.of(known) : java.util.Optional.empty());

		assertThat(kill.status()).isEqualTo(IncomingStory.Status.KILLED);
		assertThat(kill.version()).isEqualTo(3);
		assertThat(kill.story()).isEqualTo(known);
		assertThat(kill.killReason()).isEqualTo("withheld by afp");

		assertThatThrownBy(() -> read("""
				{"uri":"urn:k:10","version":"1","pubstatus":"canceled"}""")).isInstanceOf(UnreadableStory.class);
		assertThatThrownBy(() -> read("""
				{"uri":"urn:k:11","version":"1","pubstatus":"usable"}""")).as("only a kill may leave its text out")
			.isInstanceOf(UnreadableStory.class);
	}

	@Test
	void keepsTheEmbargoOfADocumentWithANullEmbargoedUntilAndAnEmbargoed() {
		assertThat(NinjsDocument.embargo(EventJson.MAPPER
			.readTree("{\"embargoedUntil\":null,\"embargoed\":\"2026-11-29T12:00:00+02:00\"}")).until())
			.isEqualTo(java.time.Instant.parse("2026-11-29T10:00:00Z"));
		assertThat(NinjsDocument.embargo(EventJson.MAPPER.readTree("{\"embargoedUntil\":null}")).embargoed()).isFalse();
	}

	@Test
	void takesACorrectionNoteLongerThanAHeadlineAndNamesTheNoteWhenOneIsTooLong() {
		String note = "ا".repeat(600);
		assertThat(read("""
				{"uri":"urn:k:2","language":"ar","headline":"98 قتيلا","version":"2","correction":"%s"}""".formatted(note))
			.correction()).isEqualTo(note);

		assertThatThrownBy(() -> read("""
				{"uri":"urn:k:3","language":"ar","headline":"98 قتيلا","version":"2","correction":"%s"}"""
			.formatted("ا".repeat(1001)))).isInstanceOf(UnreadableStory.class)
			.satisfies(refused -> assertThat(((UnreadableStory) refused).getBody().getDetail())
				.isEqualTo("correction is longer than 1000 characters"));
	}
}

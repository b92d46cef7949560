package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Map;

import org.junit.jupiter.api.Test;

import news.flashwire.common.event.EventJson;
import news.flashwire.ingest.story.IncomingStory;
import tools.jackson.databind.JsonNode;

class AgencyDialectTests {

	private final AgencyDialect wire = new AgencyDialect(Map.of("guid", "uri", "title", "headline", "lang", "language"),
			Map.of("language", "ar"));

	@Test
	void readsAnAgencysOwnFieldNamesAsNinjs() {
		JsonNode adapted = wire.adapt(json("""
				{"guid":"urn:wire:1","title":"زلزال يضرب جنوب تركيا","urgency":1,"version":"3"}"""));

		IncomingStory story = NinjsDocument.read("wire", adapted);

		assertThat(story.storyId().value()).isEqualTo("wire:urn:wire:1");
		assertThat(story.story().headline()).isEqualTo("زلزال يضرب جنوب تركيا");
		assertThat(story.story().language()).isEqualTo("ar");
		assertThat(story.version()).isEqualTo(3);
		assertThat(adapted.has("guid")).isFalse();
	}

	@Test
	void neverOverwritesAFieldTheDocumentAlreadyHasUnderItsNinjsName() {
		JsonNode adapted = wire.adapt(json("""
				{"uri":"urn:wire:2","guid":"urn:other","headline":"Quake","title":"Other","language":"en"}"""));

		assertThat(adapted.path("uri").asString()).isEqualTo("urn:wire:2");
		assertThat(adapted.path("headline").asString()).isEqualTo("Quake");
		assertThat(adapted.path("language").asString()).isEqualTo("en");
		assertThat(adapted.path("guid").asString()).as("left as it was").isEqualTo("urn:other");
	}

	@Test
	void leavesWhatIsNotAnObjectAndTheDeliveredDocumentAlone() {
		JsonNode array = json("[1,2]");
		JsonNode delivered = json("{\"guid\":\"urn:wire:3\"}");

		assertThat(wire.adapt(array)).isSameAs(array);
		wire.adapt(delivered);
		assertThat(delivered.has("guid")).isTrue();
		assertThat(AgencyDialect.NINJS.adapt(delivered)).isSameAs(delivered);
	}

	@Test
	void refusesARenameToNothingOrToItself() {
		assertThatIllegalArgumentException().isThrownBy(() -> new AgencyDialect(Map.of("guid", " "), Map.of()));
		assertThatIllegalArgumentException().isThrownBy(() -> new AgencyDialect(Map.of("uri", "uri"), Map.of()));
	}

	private static JsonNode json(String text) {
		return EventJson.MAPPER.readTree(text);
	}
}

package news.flashwire.ingest.embargo;

import news.flashwire.common.event.JsonEventDeserializer;

/** Reads the held topic's records; a tombstone (a released or killed story) reads as null. */
class HeldStoryDeserializer extends JsonEventDeserializer<HeldStory> {

	HeldStoryDeserializer() {
		super(HeldStory.class);
	}
}

package news.flashwire.common.story;

import news.flashwire.common.event.JsonEventDeserializer;

/** Kafka deserializer for {@link StoryEvent}. */
public class StoryEventDeserializer extends JsonEventDeserializer<StoryEvent> {

	public StoryEventDeserializer() {
		super(StoryEvent.class);
	}
}

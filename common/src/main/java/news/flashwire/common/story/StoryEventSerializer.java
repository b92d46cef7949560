package news.flashwire.common.story;

import news.flashwire.common.event.JsonEventSerializer;

/** Kafka serializer for {@link StoryEvent}: the type name is in the JSON, never a class name in a header. */
public class StoryEventSerializer extends JsonEventSerializer<StoryEvent> {
}

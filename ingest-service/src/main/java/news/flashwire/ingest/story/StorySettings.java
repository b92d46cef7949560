package news.flashwire.ingest.story;

import java.time.Duration;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** How long a headline links a newcomer with the same near-duplicate key to the story first seen with it. */
@ConfigurationProperties("flashwire.ingest.stories")
record StorySettings(@DefaultValue("48h") Duration duplicateWindow) {
}

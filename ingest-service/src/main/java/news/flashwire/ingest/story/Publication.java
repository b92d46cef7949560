package news.flashwire.ingest.story;

import java.util.Optional;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.story.StoryEvent;

/** What one accepted story version puts on Kafka: its story event and, for urgent items, an alert. */
public record Publication(StoryEvent event, @Nullable Alert alert) {

	public Optional<Alert> optionalAlert() {
		return Optional.ofNullable(alert);
	}
}

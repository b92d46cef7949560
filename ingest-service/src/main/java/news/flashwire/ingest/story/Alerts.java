package news.flashwire.ingest.story;

import org.jspecify.annotations.Nullable;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryEvent;

/**
 * Which story events push-service hears of: a new urgent story; a change to a story that was ever alerted (or that
 * becomes urgent); the kill of a story that was ever alerted. A follow-up carries the most urgent it was alerted as.
 */
final class Alerts {

	private Alerts() {
	}

	static @Nullable Alert forNew(StoryEvent event, Story story) {
		return story.urgency().isAlerted() ? alert(event, Alert.Kind.NEW, story, null) : null;
	}

	static @Nullable Alert forChange(StoryState before, StoryEvent event) {
		Story story = event instanceof StoryEvent.Corrected corrected ? corrected.story()
				: ((StoryEvent.Updated) event).story();
		String note = event instanceof StoryEvent.Corrected corrected ? corrected.correction() : null;
		if (before.wasAlerted()) {
			return new Alert(EventMeta.now(), event.storyId(), event.revision(), Alert.Kind.CORRECTION, story, note,
					before.alertedAs());
		}
		return story.urgency().isAlerted() ? alert(event, Alert.Kind.NEW, story, null) : null;
	}

	static @Nullable Alert forKill(StoryState before, StoryEvent.Killed killed) {
		return before.wasAlerted() ? new Alert(EventMeta.now(), killed.storyId(), killed.revision(), Alert.Kind.KILL,
				before.story(), killed.reason(), before.alertedAs()) : null;
	}

	private static Alert alert(StoryEvent event, Alert.Kind kind, Story story, @Nullable String note) {
		return new Alert(EventMeta.now(), event.storyId(), event.revision(), kind, story, note);
	}
}

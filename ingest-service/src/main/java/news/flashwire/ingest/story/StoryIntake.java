package news.flashwire.ingest.story;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;

import news.flashwire.common.alert.Alert;
import news.flashwire.common.event.EventMeta;
import news.flashwire.common.story.Story;
import news.flashwire.common.story.StoryEvent;

/** Turns a delivered story version into the events that announce it, and an alert when it is urgent. */
@Component
public class StoryIntake {

	public Publication accept(IncomingStory incoming) {
		StoryEvent event = eventFor(incoming);
		return new Publication(event, alertFor(event));
	}

	private static StoryEvent eventFor(IncomingStory incoming) {
		if (incoming.status() == IncomingStory.Status.KILLED) {
			return new StoryEvent.Killed(EventMeta.now(), incoming.storyId(), incoming.version(),
					incoming.story().edition(), "canceled by the source");
		}
		if (incoming.version() == 1) {
			return new StoryEvent.Published(EventMeta.now(), incoming.storyId(), 1, incoming.story());
		}
		return new StoryEvent.Updated(EventMeta.now(), incoming.storyId(), incoming.version(), incoming.story());
	}

	private static @Nullable Alert alertFor(StoryEvent event) {
		if (event instanceof StoryEvent.Published published && published.story().urgency().isAlerted()) {
			return alert(event, Alert.Kind.NEW, published.story(), null);
		}
		return null;
	}

	private static Alert alert(StoryEvent event, Alert.Kind kind, Story story, @Nullable String note) {
		return new Alert(EventMeta.now(), event.storyId(), event.revision(), kind, story, note);
	}
}

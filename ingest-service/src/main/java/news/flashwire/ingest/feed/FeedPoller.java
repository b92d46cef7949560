package news.flashwire.ingest.feed;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

import news.flashwire.ingest.publish.StoryPublisher;
import news.flashwire.ingest.story.IncomingStory;
import news.flashwire.ingest.story.Outcome;
import news.flashwire.ingest.story.StoryLedger;

/**
 * One poll of one source: fetch (conditionally), read, and hand each item not taken before, or changed since it was
 * taken, to the {@link StoryPublisher}, oldest first. Each item's story event and the source's state with that item
 * taken (or its new content) are written in one Kafka transaction, so a poller that stops at any point neither
 * publishes an item (or a change) twice nor loses one; the new validators are written last, once every item of the
 * document is taken.
 */
@Component
class FeedPoller {

	private static final Logger log = LoggerFactory.getLogger(FeedPoller.class);

	private static final Duration CATCH_UP_WAIT = Duration.ofSeconds(30);

	private final FeedFetcher fetcher;

	private final StoryPublisher publisher;

	private final FeedStates states;

	private final StoryLedger ledger;

	private final FeedActivity activity;

	private final KafkaTemplate<String, Object> kafka;

	private final FeedSettings settings;

	FeedPoller(FeedFetcher fetcher, StoryPublisher publisher, FeedStates states, StoryLedger ledger,
			FeedActivity activity, KafkaTemplate<String, Object> kafka, FeedSettings settings) {
		this.ledger = ledger;
		this.fetcher = fetcher;
		this.publisher = publisher;
		this.states = states;
		this.activity = activity;
		this.kafka = kafka;
		this.settings = settings;
	}

	void poll(FeedSettings.Source source) {
		try {
			// Right after start-up: what was taken, and the stories published, must be known before anything is taken.
			if (!states.awaitCaughtUp(CATCH_UP_WAIT) || !ledger.awaitCaughtUp(CATCH_UP_WAIT)) {
				throw new FeedPollFailed("the feed-state and stories topics are not read yet");
			}
			FeedFetcher.Fetched fetched = fetcher.fetch(source, states.of(source.name())).block();
			if (fetched == null || !fetched.modified()) {
				activity.polled(source.name(), false);
				return;
			}
			List<FeedItem> items = FeedDocument.read(source, fetched.body(), fetched.contentType());
			take(source, items, fetched);
			activity.polled(source.name(), true);
		}
		catch (FeedPollFailed ex) {
			String reason = source.withUrlHidden(ex.getMessage());
			log.warn("Feed {} ({}): {}", source.name(), source.shownUrl(), reason);
			activity.failed(source.name(), reason);
		}
		catch (RuntimeException ex) {
			log.warn("Feed {} ({}) failed: {}", source.name(), source.shownUrl(), source.withUrlHidden(ex.toString()));
			activity.failed(source.name(), "failed: " + source.withUrlHidden(ex.getMessage()));
		}
	}

	private void take(FeedSettings.Source source, List<FeedItem> items, FeedFetcher.Fetched fetched) {
		Set<String> listed = new LinkedHashSet<>();
		Map<String, FeedState.Published> unrecorded = new HashMap<>();
		for (FeedItem item : items) {
			if (!listed.add(item.identity())) {
				repeated(source, item);
				continue;
			}
			FeedState state = states.of(source.name());
			FeedState.Published known = state.publishedOf(item.identity());
			long version;
			if (!state.hasTaken(item.identity())) {
				version = 0;
			}
			else if (known == null) {
				// Taken before contents were kept: whether it changed since is unknown, so it is only recorded.
				unrecorded.put(item.identity(), new FeedState.Published(item.content(), 0));
				continue;
			}
			else if (known.content().equals(item.content())) {
				continue;
			}
			else {
				version = known.version() + 1;
			}
			FeedState next = state.taking(item.identity(), new FeedState.Published(item.content(), version));
			take(source, item, next, version);
		}
		// Newest first in the state, as the feed lists them.
		List<String> newestFirst = new ArrayList<>(listed);
		Collections.reverse(newestFirst);
		FeedState known = states.of(source.name());
		FeedState read = known.remembering(unrecorded)
			.read(fetched.etag(), fetched.lastModified(), newestFirst, settings.rememberedItems());
		if (!read.sameAs(known)) {
			write(source, read);
		}
	}

	// A new item is version 0 of its story, a changed one the next version; the publisher decides what it becomes.
	private void take(FeedSettings.Source source, FeedItem item, FeedState next, long version) {
		IncomingStory story = item.story(version);
		if (story == null) {
			log.warn("Feed {}: skipping item {}: {}", source.name(), item.identity(), item.unreadable());
			write(source, next);
			activity.took(source.name(), "rejected");
			return;
		}
		Outcome outcome = publisher.publishNow(story, List.of(record(source, next)));
		states.apply(source.name(), next);
		activity.took(source.name(), outcome.status());
	}

	// Some real feeds repeat one guid (or link) on every item: all but the first would be lost as duplicates.
	private void repeated(FeedSettings.Source source, FeedItem item) {
		log.warn("Feed {} lists identity {} more than once; only the first item is taken (set its identity rule to "
				+ "link or title-and-date)", source.name(), item.identity());
		activity.took(source.name(), "repeated");
	}

	private void write(FeedSettings.Source source, FeedState state) {
		kafka.executeInTransaction(operations -> operations.send(record(source, state))).join();
		states.apply(source.name(), state);
	}

	private static ProducerRecord<String, @Nullable Object> record(FeedSettings.Source source, FeedState state) {
		return new ProducerRecord<>(FeedStateTopic.NAME, source.name(), state);
	}
}

package news.flashwire.ticker.headline;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.core.log.LogAccessor;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.KafkaUtils;
import org.springframework.kafka.support.SendResult;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.serializer.DeserializationException;
import org.springframework.kafka.support.serializer.SerializationUtils;
import org.springframework.stereotype.Component;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;

import news.flashwire.common.event.EventMeta;
import news.flashwire.common.event.Topics;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.ticker.TickerChange;

/**
 * Turns story events into ticker changes keyed by edition. The ticker instances share this work through a consumer
 * group; a change written twice after a crash is harmless, since tickers ignore a revision they already show.
 * <p>
 * The stories of one poll are written together and then awaited, so a burst (an agency's batch, a ticker catching up
 * after a pause) costs the broker a few produce requests instead of one round trip per story. A failure names the
 * first story not written: those before it are done, it and the ones after it are read again. Spring Kafka observes
 * a batch listener's records, if at all, before the listener runs, so each story is observed here, as the container
 * observes a record listener's: its change is written and logged in the story's own trace.
 */
@Component
class TickerProjector {

	private static final Logger log = LoggerFactory.getLogger(TickerProjector.class);

	private static final LogAccessor LOG_ACCESSOR = new LogAccessor(TickerProjector.class);

	private static final long SEND_TIMEOUT_NANOS = TimeUnit.SECONDS.toNanos(30);

	static final String ID = "ticker-projector";

	private final KafkaTemplate<String, Object> kafka;

	private final ObservationRegistry observations;

	TickerProjector(KafkaTemplate<String, Object> kafka, ObjectProvider<ObservationRegistry> observations) {
		this.kafka = kafka;
		this.observations = observations.getIfAvailable(() -> ObservationRegistry.NOOP);
	}

	@KafkaListener(id = ID, groupId = ID, topics = Topics.STORIES, batch = "true",
			properties = "spring.deserializer.value.delegate.class=news.flashwire.common.story.StoryEventDeserializer")
	void on(List<ConsumerRecord<String, StoryEvent>> records) {
		List<Sending> sending = new ArrayList<>(records.size());
		for (int index = 0; index < records.size(); index++) {
			ConsumerRecord<String, StoryEvent> record = records.get(index);
			StoryEvent event = record.value();
			if (event == null) {
				// Unreadable (the deserializer left its failure in a header), or a value-less record, which no story
				// event is: what came before it is written first, then the error handler dead-letters it and the rest
				// of the poll is read again.
				awaitWritten(sending);
				DeserializationException unreadable = SerializationUtils.getExceptionFromHeader(record,
						KafkaUtils.VALUE_DESERIALIZER_EXCEPTION_HEADER, LOG_ACCESSOR);
				throw new BatchListenerFailedException("unreadable story event at offset " + record.offset(),
						unreadable != null ? unreadable : new IllegalArgumentException("a record without a story event"),
						index);
			}
			Observation observation = observe(record);
			try (Observation.Scope scope = observation.openScope()) {
				TickerChange change = changeFor(event);
				sending.add(new Sending(index, event, change, observation,
						kafka.send(Topics.TICKER, change.edition().code(), change)));
			}
			catch (RuntimeException ex) {
				observation.error(ex).stop();
				awaitWritten(sending);
				throw new BatchListenerFailedException("ticker change not sent", ex, index);
			}
		}
		awaitWritten(sending);
	}

	private Observation observe(ConsumerRecord<String, StoryEvent> record) {
		return KafkaListenerObservation.LISTENER_OBSERVATION
			.observation(null, KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
					() -> new KafkaRecordReceiverContext(record, ID, ID, ID, () -> null), observations)
			.start();
	}

	private static void awaitWritten(List<Sending> sending) {
		long deadline = System.nanoTime() + SEND_TIMEOUT_NANOS;
		try {
			for (Sending one : sending) {
				try (Observation.Scope scope = one.observation().openScope()) {
					one.written().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
					log.info("Ticker {} {} story {} revision {}", one.change().edition(),
							one.change() instanceof TickerChange.Listed ? "lists" : "removes", one.event().storyId(),
							one.event().revision());
				}
				catch (ExecutionException ex) {
					one.observation().error(ex.getCause());
					throw new BatchListenerFailedException("ticker change not written", ex.getCause(), one.index());
				}
				catch (TimeoutException ex) {
					one.observation().error(ex);
					throw new BatchListenerFailedException("ticker change not acknowledged in time", ex, one.index());
				}
				catch (InterruptedException ex) {
					Thread.currentThread().interrupt();
					one.observation().error(ex);
					throw new BatchListenerFailedException("interrupted while awaiting ticker changes", ex, one.index());
				}
			}
		}
		finally {
			sending.forEach(one -> one.observation().stop());
			sending.clear();
		}
	}

	static TickerChange changeFor(StoryEvent event) {
		EventMeta meta = EventMeta.now();
		if (event instanceof StoryEvent.Published published) {
			return new TickerChange.Listed(meta, event.storyId(), event.revision(), published.story(), false);
		}
		if (event instanceof StoryEvent.Updated updated) {
			return new TickerChange.Listed(meta, event.storyId(), event.revision(), updated.story(), false);
		}
		if (event instanceof StoryEvent.Corrected corrected) {
			return new TickerChange.Listed(meta, event.storyId(), event.revision(), corrected.story(), true);
		}
		return new TickerChange.Removed(meta, event.storyId(), event.revision(), event.edition());
	}

	private record Sending(int index, StoryEvent event, TickerChange change, Observation observation,
			CompletableFuture<SendResult<String, Object>> written) {
	}
}

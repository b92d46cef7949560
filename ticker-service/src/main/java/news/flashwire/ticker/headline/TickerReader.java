package news.flashwire.ticker.headline;

import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.event.EventListener;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.event.ListenerContainerIdleEvent;
import org.springframework.stereotype.Component;

import news.flashwire.common.event.Topics;
import news.flashwire.common.ticker.TickerChange;

/**
 * Every ticker instance reads the whole ticker topic from the start, without a consumer group, so all instances
 * hold the same tickers and give every change the same position.
 */
@Component
class TickerReader {

	static final String ID = "ticker-reader";

	private final Tickers tickers;

	private final CatchUp catchUp;

	private final TopicLag lag;

	TickerReader(Tickers tickers, CatchUp catchUp, TopicLag lag) {
		this.tickers = tickers;
		this.catchUp = catchUp;
		this.lag = lag;
	}

	// Without a group there is no committed offset: auto.offset.reset=earliest reads every partition from the start.
	@KafkaListener(id = ID, idIsGroup = false,
			topicPartitions = @org.springframework.kafka.annotation.TopicPartition(topic = Topics.TICKER,
					partitions = "#{'0-' + (${flashwire.topics.ticker-partitions} - 1)}"),
			properties = "spring.deserializer.value.delegate.class=news.flashwire.common.ticker.TickerChangeDeserializer")
	void on(ConsumerRecord<String, TickerChange> record, Consumer<?, ?> consumer) {
		TopicPartition partition = new TopicPartition(record.topic(), record.partition());
		tickers.apply(record.value(), record.offset());
		catchUp.reached(partition, record.offset() + 1);
		lag.observe(consumer, partition);
	}

	@EventListener(condition = "event.listenerId.startsWith('" + ID + "')")
	void onIdle(ListenerContainerIdleEvent event) {
		for (TopicPartition partition : event.getTopicPartitions()) {
			catchUp.reached(partition, event.getConsumer().position(partition));
			lag.observe(event.getConsumer(), partition);
		}
	}
}

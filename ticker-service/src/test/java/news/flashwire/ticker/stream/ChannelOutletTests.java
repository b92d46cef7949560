package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelOutboundHandlerAdapter;
import io.netty.channel.DefaultEventLoop;
import io.netty.channel.WriteBufferWaterMark;
import io.netty.channel.embedded.EmbeddedChannel;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpResponse;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpHeaderValues;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpResponse;
import io.netty.handler.codec.http.HttpResponseDecoder;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpVersion;
import io.netty.handler.codec.http.LastHttpContent;
import news.flashwire.ticker.headline.TickerEvent;
import tools.jackson.databind.json.JsonMapper;

/** Live items written straight to a stream's channel, as a client reads them. */
class ChannelOutletTests {

	private final EventFrames frames = new EventFrames(JsonMapper.builder().build());

	// Bytes a channel may hold unsent before its reader counts as slow (Netty's high water mark, 64 KB by default).
	private static final int BOUND = 1024;

	private final SseConnection connection = new SseConnection(8);

	@Test
	void writesEachFrameAsAChunkOfAValidChunkedResponse() {
		EmbeddedChannel channel = new EmbeddedChannel(new HttpServerCodec());
		HttpResponse headers = new DefaultHttpResponse(HttpVersion.HTTP_1_1, HttpResponseStatus.OK);
		headers.headers().set(HttpHeaderNames.TRANSFER_ENCODING, HttpHeaderValues.CHUNKED);
		channel.writeOutbound(headers);
		ChannelOutlet outlet = outlet(channel, headers);

		connection.offer(new TickerEvent("ar", "added", 7, Map.of("headline", "خبر عاجل")));
		connection.heartbeat();
		connection.heartbeat();
		connection.open(outlet);
		connection.offer(new TickerEvent("ar", "removed", 8, Map.of("storyId", "s1")));
		channel.runPendingTasks();
		channel.writeOutbound(LastHttpContent.EMPTY_LAST_CONTENT);

		assertThat(outlet.writesChunks()).isTrue();
		assertThat(bodyAsAClientReadsIt(channel)).isEqualTo("""
				id:7
				event:added
				data:{"headline":"خبر عاجل"}

				:heartbeat

				id:8
				event:removed
				data:{"storyId":"s1"}

				""");
	}

	@Test
	void writesPlainFramesThroughThePipelineWhereTheResponseIsNotChunked() {
		EmbeddedChannel channel = new EmbeddedChannel();
		ChannelOutlet outlet = outlet(channel, null);
		connection.open(outlet);

		connection.offer(new TickerEvent("ar", "added", 7, Map.of("headline", "x")));
		channel.runPendingTasks();

		assertThat(outlet.writesChunks()).isFalse();
		ByteBuf written = channel.readOutbound();
		assertThat(written.toString(StandardCharsets.UTF_8)).isEqualTo("id:7\nevent:added\ndata:{\"headline\":\"x\"}\n\n");
	}

	@Test
	void endsTheStreamOnlyAfterWritingWhatWasQueuedBefore() {
		EmbeddedChannel channel = new EmbeddedChannel();
		connection.open(outlet(channel, null));
		connection.offer(new TickerEvent("ar", "added", 7, Map.of("headline", "x")));
		connection.end();
		boolean[] ended = new boolean[1];
		connection.ending().subscribe(null, null, () -> ended[0] = true);

		assertThat(ended[0]).isFalse();
		channel.runPendingTasks();

		assertThat(ended[0]).isTrue();
		assertThat((Object) channel.readOutbound()).isNotNull();
	}

	@Test
	void keepsAReaderWhoseSnapshotAloneIsLargerThanTheBoundWhileTheSnapshotIsOnItsWay() {
		ClientThatStopsReading client = new ClientThatStopsReading();
		EmbeddedChannel channel = withBound(new EmbeddedChannel(client));
		TickerEvent snapshot = snapshotOfLongHeadlines();
		connection.startWith(List.of(snapshot));
		connection.open(outlet(channel, null));
		channel.runPendingTasks();
		assertThat(channel.isWritable()).as("the snapshot alone passes the bound").isFalse();

		assertThat(connection.offer(new TickerEvent("ar", "added", 8, Map.of("headline", "x")))).isTrue();
		channel.runPendingTasks();
		client.readsAgain();

		assertThat(eventsWritten(channel)).containsExactly("snapshot", "added");
	}

	@Test
	void keepsAResumingReaderWhoseMissedEventsAloneAreMoreThanTheBoundWhileTheyAreOnTheirWay() {
		ClientThatStopsReading client = new ClientThatStopsReading();
		EmbeddedChannel channel = withBound(new EmbeddedChannel(client));
		List<TickerEvent> missed = new ArrayList<>();
		for (long position = 1; position <= 30; position++) {
			missed.add(added(position));
		}
		connection.startWith(missed);
		connection.open(outlet(channel, null));
		channel.runPendingTasks();
		assertThat(channel.isWritable()).as("the missed events alone pass the bound").isFalse();

		assertThat(connection.offer(new TickerEvent("ar", "removed", 31, Map.of("storyId", "s1")))).isTrue();
		channel.runPendingTasks();
		client.readsAgain();

		assertThat(eventsWritten(channel)).hasSize(31).endsWith("removed");
	}

	@Test
	void dropsAReaderThatStopsReadingOnceWhatCameAfterItsSnapshotPassesTheBound() {
		EmbeddedChannel channel = withBound(new EmbeddedChannel(new ClientThatStopsReading()));
		connection.startWith(List.of(snapshotOfLongHeadlines()));
		connection.open(outlet(channel, null));
		channel.runPendingTasks();
		Throwable[] ended = new Throwable[1];
		connection.ending().subscribe(null, error -> ended[0] = error);

		long sentAfterSnapshot = 0;
		// (a thousand events, some two hundred times the bound, if it never drops the reader)
		for (TickerEvent event = added(8); event.position() < 1000 && connection.offer(event);
				event = added(event.position() + 1)) {
			sentAfterSnapshot += sizeOf(event);
			channel.runPendingTasks();
		}
		channel.runPendingTasks();

		assertThat(sentAfterSnapshot).as("dropped once past the bound, not before")
			.isGreaterThan(BOUND)
			.isLessThanOrEqualTo(BOUND + sizeOf(added(8)));
		assertThat(ended[0]).isInstanceOf(StalledReader.class);
	}

	@Test
	void writesEveryStreamWokenWhileItsLoopIsAlreadyWriting() throws Exception {
		DefaultEventLoop loop = new DefaultEventLoop();
		try {
			EmbeddedChannel channel = new EmbeddedChannel();
			List<SseConnection> readers = readersOn(channel, new LoopWriter(loop), 2000);
			TickerEvent event = new TickerEvent("ar", "added", 7, Map.of("headline", "x"));

			Thread handingOut = new Thread(() -> readers.forEach(reader -> reader.offer(event)));
			handingOut.start();
			handingOut.join();
			loop.submit(() -> { }).sync();

			assertThat(framesWritten(channel)).isEqualTo(readers.size());
		}
		finally {
			loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
		}
	}

	@Test
	void startsTheLoopOnceForEveryStreamWokenWhileAChangeIsHandedOut() throws Exception {
		AtomicInteger tasks = new AtomicInteger();
		DefaultEventLoop loop = new DefaultEventLoop() {
			@Override
			public void execute(Runnable task) {
				tasks.incrementAndGet();
				super.execute(task);
			}
		};
		try {
			EmbeddedChannel channel = new EmbeddedChannel();
			List<SseConnection> readers = readersOn(channel, new LoopWriter(loop), 500);
			TickerEvent event = new TickerEvent("ar", "added", 7, Map.of("headline", "x"));

			new LoopWakeups().handOut(() -> {
				readers.forEach(reader -> reader.offer(event));
				assertThat(tasks).hasValue(0);
			});
			assertThat(tasks).hasValue(1);
			loop.submit(() -> { }).sync();

			assertThat(framesWritten(channel)).isEqualTo(readers.size());
		}
		finally {
			loop.shutdownGracefully(0, 5, TimeUnit.SECONDS).sync();
		}
	}

	private ChannelOutlet outlet(EmbeddedChannel channel, HttpResponse sent) {
		ChannelOutlet.Frames bytes = (item, chunked) -> item == SseConnection.HEARTBEAT
				? Unpooled.wrappedBuffer(chunked ? EventFrames.chunk(SseFrame.comment("heartbeat"))
						: SseFrame.comment("heartbeat"))
				: frames.withPosition((TickerEvent) item, chunked);
		return new ChannelOutlet(connection, channel, new LoopWriter(channel.eventLoop()), bytes,
				sent != null ? sent.headers() : null);
	}

	private static EmbeddedChannel withBound(EmbeddedChannel channel) {
		channel.config().setWriteBufferWaterMark(new WriteBufferWaterMark(BOUND / 2, BOUND));
		return channel;
	}

	/** An edition of twenty very long headlines: several times the bound. */
	private static TickerEvent snapshotOfLongHeadlines() {
		List<String> headlines = new ArrayList<>();
		for (int i = 0; i < 20; i++) {
			headlines.add(i + " " + "خبر طويل ".repeat(40));
		}
		return new TickerEvent("ar", "snapshot", 7, Map.of("headlines", headlines));
	}

	private static TickerEvent added(long position) {
		return new TickerEvent("ar", "added", position, Map.of("headline", "خبر ".repeat(50)));
	}

	private int sizeOf(TickerEvent event) {
		ByteBuf frame = frames.withPosition(event, false);
		try {
			return frame.readableBytes();
		}
		finally {
			frame.release();
		}
	}

	/** The event names of the frames written, in order. */
	private static List<String> eventsWritten(EmbeddedChannel channel) {
		List<String> names = new ArrayList<>();
		for (Object frame = channel.readOutbound(); frame != null; frame = channel.readOutbound()) {
			String text = ((ByteBuf) frame).toString(StandardCharsets.UTF_8);
			((ByteBuf) frame).release();
			names.add(text.replaceAll("(?s).*?event:([a-z]+).*", "$1"));
		}
		return names;
	}

	private static String bodyAsAClientReadsIt(EmbeddedChannel server) {
		EmbeddedChannel client = new EmbeddedChannel(new HttpResponseDecoder(), new HttpObjectAggregator(1 << 20));
		for (Object written = server.readOutbound(); written != null; written = server.readOutbound()) {
			client.writeInbound(written);
		}
		FullHttpResponse response = client.readInbound();
		try {
			return response.content().toString(StandardCharsets.UTF_8);
		}
		finally {
			response.release();
		}
	}

	private List<SseConnection> readersOn(EmbeddedChannel channel, LoopWriter writer, int count) {
		List<SseConnection> readers = new ArrayList<>();
		for (int i = 0; i < count; i++) {
			SseConnection reader = new SseConnection(8);
			reader.open(new ChannelOutlet(reader, channel, writer,
					(item, chunked) -> frames.withPosition((TickerEvent) item, chunked), null));
			readers.add(reader);
		}
		return readers;
	}

	/**
	 * A client whose socket takes nothing until it {@linkplain #readsAgain reads again}: the channel holds what is
	 * written to it, unsent, as it would for a reader that stopped reading.
	 */
	private static final class ClientThatStopsReading extends ChannelOutboundHandlerAdapter {

		private @Nullable ChannelHandlerContext context;

		private boolean reading;

		@Override
		public void handlerAdded(ChannelHandlerContext context) {
			this.context = context;
		}

		@Override
		public void flush(ChannelHandlerContext context) {
			if (reading) {
				context.flush();
			}
		}

		void readsAgain() {
			reading = true;
			context.flush();
		}
	}

	private static int framesWritten(EmbeddedChannel channel) {
		int written = 0;
		for (Object frame = channel.readOutbound(); frame != null; frame = channel.readOutbound()) {
			((ByteBuf) frame).release();
			written++;
		}
		return written;
	}
}

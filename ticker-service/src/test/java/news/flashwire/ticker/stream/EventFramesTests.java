package news.flashwire.ticker.stream;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.springframework.core.ResolvableType;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.core.io.buffer.NettyDataBufferFactory;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.http.codec.ServerSentEventHttpMessageReader;
import org.springframework.mock.http.server.reactive.MockServerHttpRequest;

import io.netty.buffer.ByteBuf;
import io.netty.buffer.UnpooledByteBufAllocator;
import news.flashwire.ticker.headline.TickerEvent;
import reactor.core.publisher.Flux;
import tools.jackson.databind.json.JsonMapper;

class EventFramesTests {

	private static final NettyDataBufferFactory NETTY = new NettyDataBufferFactory(UnpooledByteBufAllocator.DEFAULT);

	private final EventFrames frames = new EventFrames(JsonMapper.builder().build());

	private final TickerEvent breaking = new TickerEvent("ar", "added", 12,
			Map.of("storyId", "s-1", "headline", "عاجل: زلزال يضرب جنوب تركيا 🌍", "note", "two\nlines"));

	@Test
	void encodesAnEventOnceForEveryConnection() {
		DataBuffer first = frames.withPosition(breaking, NETTY);
		DataBuffer second = frames.withPosition(breaking, NETTY);

		assertThat(text(first)).isEqualTo(text(second)).startsWith("id:12\nevent:added\ndata:{");
		ByteBuf one = NettyDataBufferFactory.toByteBuf(first);
		ByteBuf other = NettyDataBufferFactory.toByteBuf(second);
		assertThat(one.isDirect()).isTrue();
		assertThat(one.memoryAddress()).isEqualTo(other.memoryAddress());
	}

	@Test
	void survivesTheReleaseOfOneConnectionsCopy() {
		DataBufferUtils.release(frames.withPosition(breaking, NETTY));

		assertThat(text(frames.withPosition(breaking, NETTY))).startsWith("id:12\n");
	}

	@Test
	void outlivesEveryWriteThatReleasesItsView() {
		for (int written = 0; written < 1000; written++) {
			ByteBuf view = frames.withPosition(breaking, true);
			view.skipBytes(view.readableBytes());
			view.release();
		}

		ByteBuf next = frames.withPosition(breaking, false);
		assertThat(next.toString(StandardCharsets.UTF_8)).startsWith("id:12\nevent:added\ndata:{");
		next.release();
	}

	@Test
	void givesEachWriteItsOwnReadPosition() {
		ByteBuf one = frames.withPosition(breaking, false);
		ByteBuf other = frames.withPosition(breaking, false);

		one.skipBytes(5);

		assertThat(other.readerIndex()).isZero();
		assertThat(one.memoryAddress()).isEqualTo(other.memoryAddress());
		one.release();
		other.release();
	}

	@Test
	void writesTheSameFrameWithoutNetty() {
		assertThat(text(frames.withPosition(breaking, DefaultDataBufferFactory.sharedInstance)))
			.isEqualTo(text(frames.withPosition(breaking, NETTY)));
	}

	@Test
	void givesAStreamOfSeveralEditionsItsOwnId() {
		assertThat(text(frames.withId(breaking, "ar:12,en:40", NETTY))).startsWith("id:ar:12,en:40\nevent:added\ndata:{");
	}

	@Test
	void readsBackAsTheSameEventThroughAnSseParser() {
		List<ServerSentEvent<String>> events = parse(frames.withPosition(breaking, NETTY),
				frames.withId(breaking, "ar:12,en:40", DefaultDataBufferFactory.sharedInstance));

		assertThat(events).hasSize(2).allSatisfy(event -> {
			assertThat(event.event()).isEqualTo("added");
			assertThat(event.data()).contains("عاجل: زلزال يضرب جنوب تركيا 🌍").contains("\"two\\nlines\"");
		});
		assertThat(events).extracting(ServerSentEvent::id).containsExactly("12", "ar:12,en:40");
	}

	private static List<ServerSentEvent<String>> parse(DataBuffer... frames) {
		MockServerHttpRequest body = MockServerHttpRequest.post("/").body(Flux.fromArray(frames));
		ResolvableType type = ResolvableType.forClassWithGenerics(ServerSentEvent.class, String.class);
		return new ServerSentEventHttpMessageReader().read(type, body, Map.of())
			.map(event -> {
				@SuppressWarnings("unchecked")
				ServerSentEvent<String> sse = (ServerSentEvent<String>) event;
				return sse;
			})
			.collectList()
			.block(Duration.ofSeconds(5));
	}

	private static String text(DataBuffer buffer) {
		return buffer.toString(buffer.readPosition(), buffer.readableByteCount(), StandardCharsets.UTF_8);
	}
}

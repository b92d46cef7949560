package news.flashwire.ingest.agency;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

import com.sun.net.httpserver.HttpServer;

import news.flashwire.ingest.story.UnreadableStory;

/**
 * Hostile and broken XML is refused before anything is read from it, and nothing outside the body is ever fetched: a
 * local HTTP server counts what an entity or DTD would have made the parser ask for.
 */
class NewsmlDocumentsTests {

	private static final String NOT_SAFE_XML = "the body is not well-formed XML without a DOCTYPE";

	private HttpServer server;

	private final AtomicInteger fetched = new AtomicInteger();

	@BeforeEach
	void startServer() throws IOException {
		server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
		server.createContext("/", exchange -> {
			fetched.incrementAndGet();
			byte[] body = "<!ENTITY leak 'fetched'>".getBytes(StandardCharsets.UTF_8);
			exchange.sendResponseHeaders(200, body.length);
			exchange.getResponseBody().write(body);
			exchange.close();
		});
		server.start();
	}

	@AfterEach
	void stopServer() {
		server.stop(0);
	}

	@Test
	void refusesAnExternalFileEntity() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "file:///etc/passwd">]>
				<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" guid="g" xml:lang="en">
				<contentMeta><headline>&xxe;</headline></contentMeta></newsItem>""";

		assertThat(problem(xxe)).isEqualTo(NOT_SAFE_XML);
	}

	@Test
	void refusesAnExternalHttpEntityWithoutFetchingIt() {
		String xxe = """
				<?xml version="1.0"?>
				<!DOCTYPE newsItem [<!ENTITY xxe SYSTEM "%s/secret">]>
				<newsItem guid="g" xml:lang="en"><contentMeta><headline>&xxe;</headline></contentMeta></newsItem>"""
			.formatted(serverUrl());

		assertThat(problem(xxe)).isEqualTo(NOT_SAFE_XML);
		assertThat(fetched).hasValue(0);
	}

	@Test
	void refusesAnExternalDtdAndParameterEntityWithoutFetchingThem() {
		String dtd = """
				<?xml version="1.0"?>
				<!DOCTYPE newsItem SYSTEM "%s/evil.dtd">
				<newsItem guid="g" xml:lang="en"><contentMeta><headline>&leak;</headline></contentMeta></newsItem>"""
			.formatted(serverUrl());
		String parameter = """
				<?xml version="1.0"?>
				<!DOCTYPE newsItem [<!ENTITY %% remote SYSTEM "%s/evil.dtd"> %%remote;]>
				<newsItem guid="g" xml:lang="en"><contentMeta><headline>&leak;</headline></contentMeta></newsItem>"""
			.formatted(serverUrl());

		assertThat(problem(dtd)).isEqualTo(NOT_SAFE_XML);
		assertThat(problem(parameter)).isEqualTo(NOT_SAFE_XML);
		assertThat(fetched).hasValue(0);
	}

	@Test
	void refusesABillionLaughs() {
		StringBuilder entities = new StringBuilder("<!ENTITY lol0 \"lol\">");
		for (int i = 1; i < 10; i++) {
			entities.append("<!ENTITY lol%d \"%s\">".formatted(i, ("&lol" + (i - 1) + ";").repeat(10)));
		}
		String bomb = """
				<?xml version="1.0"?>
				<!DOCTYPE newsItem [%s]>
				<newsItem guid="g" xml:lang="en"><contentMeta><headline>&lol9;</headline></contentMeta></newsItem>"""
			.formatted(entities);

		assertThat(problem(bomb)).isEqualTo(NOT_SAFE_XML);
	}

	@Test
	void refusesAnyDoctypeEvenAHarmlessOne() {
		String doctype = "<?xml version=\"1.0\"?><!DOCTYPE newsItem><newsItem guid=\"g\"/>";

		assertThat(problem(doctype)).isEqualTo(NOT_SAFE_XML);
	}

	@Test
	void neverFollowsAnXInclude() {
		String include = """
				<newsItem xmlns="http://iptc.org/std/nar/2006-10-01/" xmlns:xi="http://www.w3.org/2001/XInclude"
				    guid="g" xml:lang="en"><contentMeta><headline><xi:include href="file:///etc/passwd" parse="text"/>\
				<xi:include href="%s/x" parse="text"/></headline></contentMeta></newsItem>""".formatted(serverUrl());

		Document document = NewsmlDocuments.parse(include.getBytes(StandardCharsets.UTF_8));
		UnreadableStory refused = catchThrowableOfType(UnreadableStory.class,
				() -> NewsmlItem.read("afp", document.getDocumentElement(), NewsmlItemTests.AFP));

		assertThat(refused.getBody().getDetail()).isEqualTo("headline is required");
		assertThat(fetched).hasValue(0);
	}

	@Test
	void refusesMalformedXmlInvalidUtf8AndDeepNesting() {
		byte[] invalidUtf8 = { '<', 'n', 'e', 'w', 's', 'I', 't', 'e', 'm', ' ', 'g', 'u', 'i', 'd', '=', '"', (byte) 0xC3,
				(byte) 0x28, '"', '/', '>' };

		assertThat(problem("<newsItem guid=\"g\"><itemMeta></newsItem>")).isEqualTo(NOT_SAFE_XML);
		assertThat(problem("")).isEqualTo(NOT_SAFE_XML);
		assertThat(problem("{\"uri\":\"urn:x\"}")).isEqualTo(NOT_SAFE_XML);
		assertThat(problem(invalidUtf8)).isEqualTo(NOT_SAFE_XML);
		assertThat(problem("<newsItem guid=\"g\">" + "<a>".repeat(300) + "</a>".repeat(300) + "</newsItem>"))
			.isEqualTo(NOT_SAFE_XML);
	}

	@Test
	void refusesARootThatIsNotANewsItemOrNewsMessage() {
		String wrongRoot = "the root element must be a NewsML-G2 newsItem or newsMessage";

		assertThat(problem("<rss version=\"2.0\"><channel/></rss>")).isEqualTo(wrongRoot);
		assertThat(problem("<packageItem xmlns=\"http://iptc.org/std/nar/2006-10-01/\" guid=\"p\"/>")).isEqualTo(wrongRoot);
		assertThat(problem("<newsItem xmlns=\"urn:not-newsml\" guid=\"g\"/>")).isEqualTo(wrongRoot);
	}

	@Test
	void splitsANewsMessageIntoItemsRefusingWhatIsNotANewsItem() {
		Document message = parse(NewsmlStories.iptc("007_emptynewsmessage.xml"));

		List<NewsmlDocuments.Delivered> items = NewsmlDocuments.items(message, 500, 1024 * 1024, false);

		assertThat(items).hasSize(2);
		assertThat(items.get(0).refused()).isEqualTo("only a newsItem carries a story, not a packageItem");
		assertThat(items.get(1).item().getAttribute("guid")).isEqualTo("N1");
	}

	@Test
	void refusesANewsMessageWithoutItemsOrWithTooMany() {
		String one = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Headline", 5);
		Document three = parse(NewsmlStories.newsMessage(one, one, one).getBytes(StandardCharsets.UTF_8));
		Document none = parse(NewsmlStories.newsMessage().getBytes(StandardCharsets.UTF_8));

		assertThat(catchThrowableOfType(UnreadableStory.class, () -> NewsmlDocuments.items(three, 2, 1024, false))
			.getBody()
			.getDetail()).isEqualTo("a newsMessage holds 1 to 2 items");
		assertThat(catchThrowableOfType(UnreadableStory.class, () -> NewsmlDocuments.items(none, 2, 1024, false)))
			.isNotNull();
	}

	@Test
	void refusesOnlyTheItemOfAMessageThatIsOverTheDocumentLimit() {
		String small = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "Headline", 5);
		String large = NewsmlStories.newsItem(NewsmlStories.uniqueGuid(), "en", "x".repeat(5000), 5);
		Document message = parse(NewsmlStories.newsMessage(small, large).getBytes(StandardCharsets.UTF_8));

		List<NewsmlDocuments.Delivered> items = NewsmlDocuments.items(message, 500, 4096, true);

		assertThat(items.get(0).item()).isNotNull();
		assertThat(items.get(1).refused()).isEqualTo("the document is larger than 4096 bytes");
	}

	private String serverUrl() {
		return "http://127.0.0.1:" + server.getAddress().getPort();
	}

	private static Document parse(byte[] xml) {
		return NewsmlDocuments.parse(xml);
	}

	private static String problem(String xml) {
		return problem(xml.getBytes(StandardCharsets.UTF_8));
	}

	private static String problem(byte[] xml) {
		UnreadableStory refused = catchThrowableOfType(UnreadableStory.class, () -> NewsmlDocuments.parse(xml));
		assertThat(refused).as("refused").isNotNull();
		return refused.getBody().getDetail();
	}
}

package news.flashwire.ticker.widget;

import static news.flashwire.ticker.headline.TickerStories.arabic;
import static news.flashwire.ticker.headline.TickerStories.breakingArabic;
import static news.flashwire.ticker.headline.TickerStories.freshId;
import static news.flashwire.ticker.headline.TickerStories.killed;
import static news.flashwire.ticker.headline.TickerStories.published;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.core.KafkaTemplate;

import news.flashwire.common.event.Topics;
import news.flashwire.common.story.Edition;
import news.flashwire.common.story.StoryEvent;
import news.flashwire.common.story.StoryId;
import news.flashwire.ticker.TickerApplication;

/** The widget in real headless Chromium, against a ticker on a real broker, as a reader of an embedding site sees it. */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WidgetBrowserIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(20);

	// This class's own edition (the one widget-page.html shows), an Arabic one: no other test's stories reach its page.
	private static final Edition EDITION = Edition.of("ar-widget");

	private static final String SHADOW = "const root = document.querySelector('flashwire-ticker').shadowRoot;";

	static ChromeDriver browser;

	static ConfigurableApplicationContext ticker;

	static int port;

	@BeforeAll
	static void start() throws Exception {
		browser = Chromium.start();
		ticker = startTicker(0);
		port = ((WebServerApplicationContext) ticker).getWebServer().getPort();
	}

	@AfterAll
	static void stop() {
		if (browser != null) {
			browser.quit();
		}
		if (ticker != null) {
			ticker.close();
		}
	}

	@BeforeEach
	void openThePage() {
		browser.get("http://127.0.0.1:" + port + "/widget-page.html");
		await().atMost(DEADLINE).until(() -> script("return root.querySelector('ol') !== null;"), Boolean.TRUE::equals);
	}

	@Test
	@Order(1)
	void rendersArabicHeadlinesRightToLeftAndShowsANewStoryLive() throws Exception {
		publish(published(freshId(), breakingArabic(EDITION, "زلزال بقوة 6 درجات يضرب جنوب تركيا", Instant.now())));

		await().atMost(DEADLINE).until(() -> listText().contains("زلزال بقوة 6 درجات"));
		assertThat(script("return getComputedStyle(root.querySelector('ol')).direction;")).isEqualTo("rtl");
		assertThat(script("return root.querySelector('li.breaking .flag').textContent;")).isEqualTo("عاجل");
		Path screenshots = Files.createDirectories(Path.of("target", "widget"));
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), screenshots.resolve("ticker-ar.png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	@Test
	@Order(2)
	void takesAKilledStoryAway() {
		StoryId id = freshId();
		publish(published(id, arabic(EDITION, "خبر سيسحب بعد قليل", Instant.now())));
		await().atMost(DEADLINE).until(() -> listText().contains("خبر سيسحب بعد قليل"));

		publish(killed(EDITION, id, 2));

		await().atMost(DEADLINE).until(() -> !listText().contains("خبر سيسحب بعد قليل"));
	}

	@Test
	@Order(3)
	void showsAnInjectedTagAsTextAndRunsNoScript() {
		String hostile = "<img src=x onerror=\"window.flashwirePwned=1\"> صورة";
		publish(published(freshId(), arabic(EDITION, hostile, Instant.now())));

		await().atMost(DEADLINE).until(() -> listText().contains(hostile));
		assertThat(script("return root.querySelectorAll('img').length;")).isEqualTo(0L);
		assertThat(script("return window.flashwirePwned === undefined;")).isEqualTo(true);
	}

	@Test
	@Order(4)
	void showsItIsOfflineAndRecoversAfterTheTickerRestarts() {
		publish(published(freshId(), arabic(EDITION, "قبل إعادة التشغيل", Instant.now())));
		await().atMost(DEADLINE).until(() -> listText().contains("قبل إعادة التشغيل"));

		ticker.close();
		await().atMost(DEADLINE).until(() -> script("return !root.querySelector('.offline').hidden;"), Boolean.TRUE::equals);
		ticker = startTicker(port);
		publish(published(freshId(), arabic(EDITION, "بعد إعادة التشغيل", Instant.now())));

		await().atMost(DEADLINE).until(() -> listText().contains("بعد إعادة التشغيل"));
		assertThat(listText()).contains("قبل إعادة التشغيل");
		assertThat(script("return root.querySelector('.offline').hidden;")).isEqualTo(true);
	}

	@Test
	@Order(5)
	void holdsNewHeadlinesWhilePausedAndShowsThemOnResume() {
		script("root.querySelector('header button').click();");
		assertThat(script("return root.querySelector('header button').getAttribute('aria-pressed');")).isEqualTo("true");
		assertThat(script("return root.querySelector('header button').textContent;")).isEqualTo("متابعة");

		publish(published(freshId(), arabic(EDITION, "خبر وصل أثناء الإيقاف", Instant.now())));
		await().during(Duration.ofSeconds(2))
			.atMost(DEADLINE)
			.until(() -> !listText().contains("خبر وصل أثناء الإيقاف"));

		script("root.querySelector('header button').click();");
		await().atMost(DEADLINE).until(() -> listText().contains("خبر وصل أثناء الإيقاف"));
		assertThat(script("return root.querySelector('header button').getAttribute('aria-pressed');")).isEqualTo("false");
	}

	@Test
	@Order(6)
	void showsTimesInTheEditionsLanguageAndTheSitesTimeZone() {
		StoryId id = freshId();
		publish(published(id, arabic(EDITION, "خبر بتوقيت الرياض", Instant.now())));
		await().atMost(DEADLINE).until(() -> listText().contains("خبر بتوقيت الرياض"));

		Object times = script("""
				const time = root.querySelector('li[data-id="%s"] time');
				const at = new Date(time.getAttribute('datetime'));
				const format = (zone) => new Intl.DateTimeFormat('ar', { hour: '2-digit', minute: '2-digit', timeZone: zone })
				    .format(at);
				return [time.textContent, format('Asia/Riyadh'), format('UTC')];""".formatted(id.value()));

		assertThat(times).asList().element(0).isEqualTo(((java.util.List<?>) times).get(1));
		assertThat(times).asList().element(0).isNotEqualTo(((java.util.List<?>) times).get(2));
		assertThat((String) ((java.util.List<?>) times).get(0)).as("in the edition's language").containsPattern("[صم]");
	}

	@Test
	@Order(7)
	void animatesANewLineOnlyForReadersWhoDoNotAskForReducedMotion() {
		StoryId moving = freshId();
		publish(published(moving, arabic(EDITION, "خبر متحرك", Instant.now())));
		await().atMost(DEADLINE).until(() -> listText().contains("خبر متحرك"));
		assertThat(script("return getComputedStyle(root.querySelector('li.new')).animationName;")).isEqualTo("flashwire-in");

		browser.executeCdpCommand("Emulation.setEmulatedMedia",
				java.util.Map.of("features", java.util.List.of(java.util.Map.of("name", "prefers-reduced-motion", "value", "reduce"))));
		try {
			publish(published(freshId(), arabic(EDITION, "خبر بلا حركة", Instant.now())));
			await().atMost(DEADLINE).until(() -> listText().contains("خبر بلا حركة"));
			assertThat(script("return getComputedStyle(root.querySelector('li.new')).animationName;")).isEqualTo("none");
		}
		finally {
			browser.executeCdpCommand("Emulation.setEmulatedMedia", java.util.Map.of("features", java.util.List.of()));
		}
	}

	@Test
	@Order(8)
	void announcesOnlyTheFirstOfABurstOfUrgentHeadlinesToScreenReaders() {
		// The burst must reach the stream as added events, in this order: the widget has its snapshot first, and
		// each story is on the list before the next (stories on other partitions could pass each other).
		await().atMost(DEADLINE).until(() -> script("return root.host.lastId !== null;"), Boolean.TRUE::equals);
		// The page's clock stands still, so the burst stays within the widget's ten seconds however slow the machine.
		script("window.realNow = Date.now; const now = Date.now(); Date.now = () => now; return null;");
		try {
			for (String headline : new String[] { "عاجل أول", "عاجل ثان", "عاجل ثالث" }) {
				publish(published(freshId(), breakingArabic(EDITION, headline, Instant.now())));
				await().atMost(DEADLINE).until(() -> listText().contains(headline));
			}

			assertThat(script("return root.querySelector('[aria-live]').textContent;")).isEqualTo("عاجل: عاجل أول");
		}
		finally {
			script("Date.now = window.realNow; return null;");
		}
	}

	private static ConfigurableApplicationContext startTicker(int port) {
		return new SpringApplicationBuilder(TickerApplication.class).run("--server.port=" + port,
				"--server.address=127.0.0.1", "--flashwire.ticker.editions=" + EDITION,
				"--flashwire.ticker.retry=300ms", "--flashwire.ticker.heartbeat=1h");
	}

	private String listText() {
		return (String) script("return root.querySelector('ol').textContent;");
	}

	private Object script(String body) {
		return browser.executeScript(SHADOW + body);
	}

	@SuppressWarnings("unchecked")
	private static void publish(StoryEvent event) {
		KafkaTemplate<String, Object> kafka = ticker.getBean(KafkaTemplate.class);
		kafka.send(Topics.STORIES, event.storyId().value(), event).join();
	}
}

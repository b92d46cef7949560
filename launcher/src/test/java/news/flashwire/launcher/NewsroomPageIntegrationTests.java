package news.flashwire.launcher;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.WindowType;
import org.openqa.selenium.chrome.ChromeDriver;

import news.flashwire.push.browser.Chromium;
import news.flashwire.push.delivery.webhook.WebhookReceiver;

/**
 * The newsroom page in real headless Chromium against the whole system as {@code ./flashwire} runs it (the run shared
 * with the other system tests, on ports the page follows): an editor signs in, posts an Arabic urgent item, sees it in the page's ticker, on a
 * site embedding the widget and at a subscribed webhook with the page's delivery count rising; posts an embargoed item
 * and sees it held with a countdown, then live and delivered; kills the first and sees it leave both tickers and the
 * kill alert delivered; cancels a held one. A wrong password, an expired session and a forged post without CSRF token
 * are refused. Screenshots go to {@code target/newsroom/}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
@ExtendWith(RunningFlashwire.class)
class NewsroomPageIntegrationTests {

	private static final Duration DEADLINE = Duration.ofSeconds(60);

	static final Duration SESSION_TIMEOUT = Duration.ofSeconds(15);

	private static final Path SCREENSHOTS = Path.of("target", "newsroom");

	private static final String LINE = "[...document.querySelectorAll('#items li[data-story-id]')]"
			+ ".find(line => line.textContent.includes(arguments[0]))";

	private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

	private final String headline = "زلزال يضرب جنوب تركيا " + UUID.randomUUID().toString().substring(0, 6);

	private final String embargoed = "Central bank cuts rates " + UUID.randomUUID().toString().substring(0, 6);

	private final String canceled = "Minister resigns " + UUID.randomUUID().toString().substring(0, 6);

	private LocalFlashwire flashwire;

	private ChromeDriver browser;

	private WebhookReceiver partner;

	private EmbeddingSite site;

	private String newsroomTab;

	private String siteTab;

	@BeforeAll
	void startABrowser(LocalFlashwire running) throws Exception {
		Chromium.assumeInstalled();
		// No ticker or push URL given to the system: the launcher points the page at the ports it was given.
		flashwire = running;
		partner = new WebhookReceiver();
		site = new EmbeddingSite(flashwire.tickerPort());
		browser = Chromium.start();
		Files.createDirectories(SCREENSHOTS);
		browser.get(site.url());
		siteTab = browser.getWindowHandle();
		browser.switchTo().newWindow(WindowType.TAB);
		newsroomTab = browser.getWindowHandle();
		browser.get(ingest() + "/newsroom/");
		await().atMost(DEADLINE).until(() -> browser.findElement(By.id("sign-in")).isDisplayed());
	}

	@AfterAll
	void stopTheBrowserAndThePartner() {
		if (browser != null) {
			browser.quit();
		}
		if (partner != null) {
			partner.close();
		}
		if (site != null) {
			site.close();
		}
	}

	@Test
	@Order(1)
	void refusesAWrongPassword() throws IOException {
		signIn("editor", "not-the-password");

		await().atMost(DEADLINE).until(() -> browser.findElement(By.id("sign-in-error")).isDisplayed());
		assertThat(browser.findElement(By.id("sign-in-error")).getText()).contains("Wrong name or password");
		assertThat(browser.findElement(By.id("desk")).isDisplayed()).isFalse();
		screenshot("wrong-password");
	}

	@Test
	@Order(2)
	void postsAnArabicUrgentItemThatReachesBothTickersAndAWebhook() throws IOException {
		subscribePartner();
		signIn("editor", "editor-secret");
		await().atMost(DEADLINE).until(() -> browser.findElement(By.id("desk")).isDisplayed());

		WebElement field = browser.findElement(By.id("headline"));
		field.sendKeys(headline);
		assertThat(field.getDomAttribute("dir")).isEqualTo("auto");
		assertThat(script("return getComputedStyle(document.getElementById('headline')).direction;")).isEqualTo("rtl");
		assertThat(browser.findElement(By.id("preview")).getText()).contains("هام").contains(headline);
		// A double click: one item, not two.
		script("const post = document.getElementById('post'); post.click(); post.click(); return null;");

		await().atMost(DEADLINE).until(() -> itemLines(headline) == 1);
		assertThat(itemState(headline)).isEqualTo("live");
		await().atMost(DEADLINE).until(() -> tickerPaneText("ar").contains(headline));
		await().atMost(DEADLINE)
			.until(() -> partner.received().stream().anyMatch(delivery -> delivery.body().contains(headline)));
		await().atMost(DEADLINE).until(() -> deliveriesText(headline, 0).matches(".*delivered [1-9].*"));
		assertThat(deliveriesText(headline, 0)).contains("matched 1").contains("retrying 0").contains("failed 0");
		screenshot("posted");

		browser.switchTo().window(siteTab);
		await().atMost(DEADLINE).until(() -> siteTickerText().contains(headline));
		screenshot("site-ticker-with-item");
		browser.switchTo().window(newsroomTab);
	}

	@Test
	@Order(3)
	void refusesAForgedPostWithoutCsrfToken() {
		String session = browser.manage().getCookieNamed("FLASHWIRE_SESSION").getValue();
		HttpResponse<String> forgedForm = send(HttpRequest.newBuilder(URI.create(ingest() + "/v1/newsroom/items"))
			.header("Cookie", "FLASHWIRE_SESSION=" + session)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("headline=forged&edition=ar")));
		assertThat(forgedForm.statusCode()).isEqualTo(403);

		Object fromThePage = browser.executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				fetch('/v1/newsroom/items', { method: 'POST', headers: { 'Content-Type': 'application/json' },
				  body: JSON.stringify({ headline: 'forged', edition: 'ar' }) }).then(r => done(r.status));""");
		assertThat(fromThePage).isEqualTo(403L);
	}

	@Test
	@Order(4)
	void postsAnEmbargoedItemThatIsHeldWithACountdownThenGoesLive() throws IOException {
		browser.findElement(By.id("headline")).sendKeys(embargoed);
		// Far enough ahead that a slow post still arrives before it; near enough to keep the test short.
		script("const at = new Date(Date.now() + 12000);"
				+ " const field = document.getElementById('embargo');"
				+ " field.value = new Date(at - at.getTimezoneOffset() * 60000).toISOString().slice(0, 19);"
				+ " field.dispatchEvent(new Event('input', { bubbles: true })); return null;");
		browser.findElement(By.id("post")).click();

		awaitState(embargoed, "held");
		String first = countdown(embargoed);
		assertThat(first).matches("releases in 0:[01][0-9]");
		await().atMost(Duration.ofSeconds(10)).until(() -> !countdown(embargoed).equals(first));
		assertThat(browser.findElement(By.id("notice")).getText()).startsWith("Held until");
		assertThat(partner.received()).noneMatch(delivery -> delivery.body().contains(embargoed));
		showItem(embargoed);
		screenshot("held");

		awaitState(embargoed, "live");
		assertThat(countdown(embargoed)).isEmpty();
		await().atMost(DEADLINE)
			.until(() -> partner.received().stream().anyMatch(delivery -> delivery.body().contains(embargoed)));
		await().atMost(DEADLINE).until(() -> deliveriesText(embargoed, 0).matches(".*delivered [1-9].*"));
		showItem(embargoed);
		screenshot("released");
	}

	@Test
	@Order(5)
	void killsTheItemAfterConfirmationAndItLeavesBothTickers() throws IOException {
		kill(headline, "legal");

		awaitState(headline, "killed");
		assertThat(itemLines(headline)).as("the double click made one item").isEqualTo(1);
		await().atMost(DEADLINE).until(() -> !tickerPaneText("ar").contains(headline));
		screenshot("killed");
		browser.switchTo().window(siteTab);
		await().atMost(DEADLINE).until(() -> !siteTickerText().contains(headline));
		screenshot("site-ticker-after-kill");
		browser.switchTo().window(newsroomTab);

		// The kill is an alert of its own, with its own deliveries, under the first one's.
		await().atMost(DEADLINE).until(() -> deliveriesText(headline, 1).matches("Kill alert.*delivered [1-9].*"));
		assertThat(deliveriesText(headline, 0)).matches("Alert.*delivered [1-9].*");
		showItem(headline);
		screenshot("kill-delivered");
	}

	@Test
	@Order(6)
	void cancelsAHeldItemKilledBeforeItsRelease() throws IOException {
		browser.findElement(By.id("headline")).sendKeys(canceled);
		script("const at = new Date(Date.now() + 3600000); const field = document.getElementById('embargo');"
				+ " field.value = new Date(at - at.getTimezoneOffset() * 60000).toISOString().slice(0, 19);"
				+ " field.dispatchEvent(new Event('input', { bubbles: true })); return null;");
		browser.findElement(By.id("post")).click();
		awaitState(canceled, "held");
		assertThat(countdown(canceled)).matches("releases in (1:00:00|59:[0-5][0-9])");

		kill(canceled, "wrong copy");

		awaitState(canceled, "canceled");
		assertThat(browser.findElement(By.id("notice")).getText()).contains("nothing was published");
		showItem(canceled);
		screenshot("canceled");
	}

	@Test
	@Order(7)
	void readsRightToLeftInArabicAndFitsAPhone() throws IOException {
		browser.findElement(By.cssSelector("#language option[value=ar]")).click();
		assertThat(script("return document.documentElement.dir;")).isEqualTo("rtl");
		assertThat(script("return document.documentElement.lang;")).isEqualTo("ar");
		assertThat(browser.findElement(By.id("post")).getText()).isEqualTo("نشر");
		screenshot("arabic");

		browser.manage().window().setSize(new Dimension(390, 844));
		assertThat(script("return document.documentElement.scrollWidth <= window.innerWidth;")).isEqualTo(true);
		screenshot("arabic-phone");
	}

	@Test
	@Order(8)
	void refusesAnExpiredSession() {
		String session = signInOverHttp();
		assertThat(itemsWith(session)).isEqualTo(200);

		await().pollDelay(SESSION_TIMEOUT.plusSeconds(2))
			.atMost(SESSION_TIMEOUT.plusSeconds(20))
			.until(() -> itemsWith(session) == 401);
	}

	private void signIn(String name, String password) {
		WebElement user = browser.findElement(By.id("username"));
		user.clear();
		user.sendKeys(name);
		WebElement secret = browser.findElement(By.id("password"));
		secret.clear();
		secret.sendKeys(password);
		browser.findElement(By.cssSelector("#sign-in-form button[type=submit]")).click();
	}

	private void subscribePartner() {
		flashwire.subscribe("{\"url\":\"" + partner.url() + "\",\"editions\":[\"ar\"]}");
	}

	private void awaitState(String item, String state) {
		await().atMost(DEADLINE).untilAsserted(() -> assertThat(itemState(item)).as(this::pageState).isEqualTo(state));
	}

	/** What the editor sees, for a failure message. */
	private String pageState() {
		return (String) script("return 'signed in: ' + !document.getElementById('desk').hidden + '; notice: '"
				+ " + document.getElementById('notice').textContent + '; action open: '"
				+ " + document.getElementById('action').open + ' ' + document.getElementById('action-error').textContent"
				+ " + '; items: ' + document.getElementById('items').innerText;");
	}

	private void showItem(String item) {
		browser.executeScript("const line = " + LINE + "; if (line) line.scrollIntoView({ block: 'center' });", item);
	}

	private void kill(String item, String reason) throws IOException {
		await().atMost(DEADLINE).ignoreExceptions().until(() -> {
			itemButton(item, "kill").click();
			return browser.findElement(By.id("action")).isDisplayed();
		});
		browser.findElement(By.id("action-reason")).sendKeys(reason);
		screenshot("kill-confirmation");
		browser.findElement(By.id("action-confirm")).click();
	}

	private long itemLines(String item) {
		return (Long) browser.executeScript("return [...document.querySelectorAll('#items li[data-story-id]')]"
				+ ".filter(line => line.textContent.includes(arguments[0])).length;", item);
	}

	private String itemState(String item) {
		return (String) browser.executeScript("const line = " + LINE + "; return line ? line.className : '';", item);
	}

	private String countdown(String item) {
		return (String) browser.executeScript("const line = " + LINE
				+ "; const c = line && line.querySelector('.countdown'); return c ? c.textContent : '';", item);
	}

	/** The delivery progress of the item's n-th alert (0: the alert itself, then its correction and kill alerts). */
	private String deliveriesText(String item, int alert) {
		return (String) browser.executeScript("const line = " + LINE
				+ "; const d = line && line.querySelectorAll('.deliveries')[arguments[1]]; return d ? d.textContent : '';",
				item, alert);
	}

	private WebElement itemButton(String item, String kind) {
		return browser.findElements(By.cssSelector("#items li[data-story-id]"))
			.stream()
			.filter(line -> line.getText().contains(item))
			.findFirst()
			.orElseThrow()
			.findElement(By.cssSelector("button." + kind));
	}

	private String tickerPaneText(String edition) {
		return (String) script("const t = document.querySelector('flashwire-ticker[edition=\"" + edition + "\"]');"
				+ " const list = t && t.shadowRoot && t.shadowRoot.querySelector('ol');"
				+ " return list ? list.textContent : '';");
	}

	private String siteTickerText() {
		return tickerPaneText("ar");
	}

	private Object script(String code) {
		return browser.executeScript(code);
	}

	private void screenshot(String name) throws IOException {
		Files.copy(browser.getScreenshotAs(OutputType.FILE).toPath(), SCREENSHOTS.resolve(name + ".png"),
				StandardCopyOption.REPLACE_EXISTING);
	}

	private String ingest() {
		return "http://127.0.0.1:" + flashwire.ingestPort();
	}

	/** Signs in as the page does, over plain HTTP: config (session and CSRF token), then the form. */
	private String signInOverHttp() {
		HttpResponse<String> config = send(HttpRequest.newBuilder(URI.create(ingest() + "/newsroom/config")).GET());
		String anonymous = cookie(config);
		String header = group(config.body(), "\"headerName\":\"([^\"]+)\"");
		String token = group(config.body(), "\"token\":\"([^\"]+)\"");
		HttpResponse<String> signedIn = send(HttpRequest.newBuilder(URI.create(ingest() + "/newsroom/login"))
			.header("Cookie", "FLASHWIRE_SESSION=" + anonymous)
			.header(header, token)
			.header("Content-Type", "application/x-www-form-urlencoded")
			.POST(BodyPublishers.ofString("username=editor&password=editor-secret")));
		assertThat(signedIn.statusCode()).as(signedIn::body).isEqualTo(200);
		return cookie(signedIn);
	}

	private int itemsWith(String session) {
		return send(HttpRequest.newBuilder(URI.create(ingest() + "/v1/newsroom/items"))
			.header("Cookie", "FLASHWIRE_SESSION=" + session)
			.GET()).statusCode();
	}

	private static String cookie(HttpResponse<String> response) {
		String setCookie = response.headers()
			.allValues("set-cookie")
			.stream()
			.filter(value -> value.startsWith("FLASHWIRE_SESSION="))
			.findFirst()
			.orElseThrow(() -> new AssertionError("no session cookie in " + response.headers()));
		return group(setCookie, "FLASHWIRE_SESSION=([^;]+)");
	}

	private static String group(String text, String regex) {
		Matcher matcher = Pattern.compile(regex).matcher(text);
		assertThat(matcher.find()).as(text).isTrue();
		return matcher.group(1);
	}

	private static HttpResponse<String> send(HttpRequest.Builder request) {
		try {
			return HTTP.send(request.timeout(Duration.ofSeconds(30)).build(), BodyHandlers.ofString());
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException(ex);
		}
	}
}

package news.flashwire.push.subscription;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.chrome.ChromeDriver;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import news.flashwire.push.browser.Chromium;

/**
 * The subscribe page and service worker that sites copy, in real headless Chromium: the page finds its push-service,
 * and the worker turns an alert into a notification, and a kill into a withdrawal notice that shows nothing of the
 * story.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class SubscribePageBrowserIntegrationTests {

	private static ChromeDriver browser;

	@LocalServerPort
	int port;

	@BeforeAll
	static void startBrowser() throws IOException {
		browser = Chromium.start();
	}

	@AfterAll
	static void stopBrowser() {
		if (browser != null) {
			browser.quit();
		}
	}

	@Test
	void thePageFetchesTheVapidKeyFromThePushServiceThatServedIt() {
		browser.get(origin() + "/push/index.html");

		Object key = script().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const pushService = document.body.dataset.pushService || location.origin;
				fetch(pushService + '/v1/webpush/vapid-public-key').then(r => r.json()).then(k => done(k.publicKey),
				    e => done('failed: ' + e));""");

		assertThat(browser.getTitle()).isEqualTo("Flashwire alerts");
		assertThat((String) key).matches("[A-Za-z0-9_-]{80,90}");
	}

	@Test
	void theWorkerShowsAnAlertAndReplacesAKilledOneWithAWithdrawalNotice() {
		browser.get(origin() + "/push/index.html");
		script().executeAsyncScript("""
				const done = arguments[arguments.length - 1];
				const worker = document.createElement('script');
				worker.src = '/push/sw.js';
				worker.onload = () => done(true);
				document.head.appendChild(worker);""");

		Map<String, Object> shown = notification("""
				{type:'alert.new', storyId:'afp:1', headline:'زلزال يضرب جنوب تركيا', edition:'ar', dir:'rtl',
				 url:'https://example.com/ar/quake'}""");
		Map<String, Object> killed = notification("""
				{type:'alert.kill', storyId:'afp:1', headline:'زلزال يضرب جنوب تركيا', edition:'ar', dir:'rtl',
				 url:'https://example.com/ar/quake', note:'withdrawn by the agency'}""");

		assertThat(shown).containsEntry("title", "زلزال يضرب جنوب تركيا").containsEntry("tag", "afp:1")
			.containsEntry("url", "https://example.com/ar/quake").containsEntry("dir", "rtl");
		assertThat(killed).containsEntry("title", "سُحب هذا الخبر").containsEntry("tag", "afp:1")
			.containsEntry("body", "withdrawn by the agency").containsEntry("url", null);
		assertThat(killed.toString()).doesNotContain("زلزال");
	}

	@SuppressWarnings("unchecked")
	private Map<String, Object> notification(String alert) {
		return (Map<String, Object>) script().executeScript("""
				const { title, options } = notificationFor(%s);
				return { title, tag: options.tag, body: options.body, dir: options.dir,
				    url: options.data.url === undefined ? null : options.data.url };""".formatted(alert));
	}

	private JavascriptExecutor script() {
		return browser;
	}

	private String origin() {
		return "http://127.0.0.1:" + port;
	}
}

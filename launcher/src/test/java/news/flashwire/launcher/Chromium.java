package news.flashwire.launcher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Debian's headless Chromium through its chromedriver; tests are skipped where either is not installed. */
final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	static void assumeInstalled() {
		Assumptions.assumeTrue(Files.isExecutable(BROWSER), "no chromium at " + BROWSER);
		Assumptions.assumeTrue(Files.isExecutable(DRIVER), "no chromedriver at " + DRIVER);
	}

	static ChromeDriver start() throws IOException {
		assumeInstalled();
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=1280,1000",
					"--lang=en-US", "--user-data-dir=" + Files.createTempDirectory("flashwire-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}
}

package news.flashwire.ticker.widget;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through its chromedriver; tests are skipped where either is not installed, except
 * on CI (where {@code .ci/run} installs both), where a missing one fails them.
 */
final class Chromium {

	private static final Path BROWSER = Path.of("/usr/bin/chromium");

	private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

	private Chromium() {
	}

	private static void require(Path executable) {
		boolean onCi = "true".equalsIgnoreCase(System.getenv("CI"));
		if (onCi) {
			Assertions.assertTrue(Files.isExecutable(executable), "CI needs " + executable + " (.ci/run installs it)");
		}
		Assumptions.assumeTrue(Files.isExecutable(executable), "no " + executable);
	}

	static ChromeDriver start() throws IOException {
		require(BROWSER);
		require(DRIVER);
		ChromeOptions options = new ChromeOptions().setBinary(BROWSER.toFile())
			.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
					"--disable-component-update", "--disable-sync", "--no-first-run", "--window-size=900,700",
					"--user-data-dir=" + Files.createTempDirectory("flashwire-chromium"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile())
			.usingAnyFreePort()
			.build();
		return new ChromeDriver(service, options);
	}
}

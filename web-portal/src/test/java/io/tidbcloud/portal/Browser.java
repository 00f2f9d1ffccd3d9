package io.tidbcloud.portal;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver, with a fresh profile each
 * time. Both binaries are named explicitly so that Selenium Manager never tries to download one.
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("tidbcloud.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver driver;

    private Browser(Path profile, ChromeDriverService service, WebDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
    }

    public static Browser start() throws IOException {
        System.setProperty("SE_OFFLINE", "true");
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER);
        Path profile = Files.createTempDirectory("portal-chromium-");
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER))
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions()
                .setBinary(CHROMIUM)
                .addArguments(
                        "--headless=new",
                        "--no-sandbox",
                        "--disable-gpu",
                        "--disable-dev-shm-usage",
                        "--disable-background-networking",
                        "--disable-component-update",
                        "--disable-sync",
                        "--no-first-run",
                        "--window-size=1280,900",
                        "--user-data-dir=" + profile);
        try {
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
            return new Browser(profile, service, driver);
        } catch (RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    public WebDriver driver() {
        return driver;
    }

    @Override
    public void close() throws IOException {
        try {
            driver.quit();
        } finally {
            service.stop();
            deleteRecursively(profile);
        }
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        }
    }
}

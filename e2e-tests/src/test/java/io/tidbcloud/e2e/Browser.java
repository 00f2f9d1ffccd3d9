package io.tidbcloud.e2e;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's Chromium, headless, driven through its own chromedriver (nothing is downloaded). */
final class Browser implements AutoCloseable {

    private final ChromeDriverService service;
    private final WebDriver driver;
    private final WebDriverWait wait;

    Browser() throws IOException {
        Path profile = Files.createTempDirectory("e2e-chromium");
        ChromeOptions options = new ChromeOptions()
                .setBinary("/usr/bin/chromium")
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
        this.service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile())
                .usingAnyFreePort()
                .build();
        service.start();
        // Plain WebDriver, not ChromeDriver: ChromeDriver also opens a DevTools (CDP) websocket at
        // start, which these tests never use; when Chromium stalls that handshake, Selenium waits its
        // 180 s read timeout before it goes on (seen: a 204 s test).
        try {
            this.driver = new RemoteWebDriver(service.getUrl(), options);
        } catch (RuntimeException e) {
            service.stop();
            throw e;
        }
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    }

    void open(String url) {
        driver.get(url);
    }

    WebElement await(By locator) {
        return wait.until(ExpectedConditions.elementToBeClickable(locator));
    }

    void click(By locator) {
        await(locator).click();
    }

    void type(By locator, String text) {
        WebElement field = await(locator);
        field.clear();
        field.sendKeys(text);
    }

    boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    String currentUrl() {
        return driver.getCurrentUrl();
    }

    /** Waits until the page shows the text, and says what it showed instead when it never does. */
    void awaitText(String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> pageText().contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "page " + currentUrl() + " never showed '" + text + "'; it shows:\n" + pageText(), e);
        }
    }

    /** Waits until the element is clickable or the page shows the text, whichever comes first. */
    void awaitEither(By locator, String text) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(30))
                    .until(d -> ExpectedConditions.elementToBeClickable(locator).apply(d) != null
                            || pageText().contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "page " + currentUrl() + " showed neither " + locator + " nor '" + text + "'; it shows:\n"
                            + pageText(),
                    e);
        }
    }

    /** Keeps a screenshot under target/ so that a failed browser test can be looked at. */
    void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(TestStack.repoRoot().resolve("e2e-tests/target/screenshots"));
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException ignored) {
            // a missing screenshot must not hide the test's own failure
        }
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            service.stop();
        }
    }
}

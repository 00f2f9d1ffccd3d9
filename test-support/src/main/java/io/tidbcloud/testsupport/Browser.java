package io.tidbcloud.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.remote.RemoteWebDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's Chromium, headless, with a fresh profile, driven through Debian's chromedriver. Both
 * binaries are named explicitly, so Selenium Manager never tries to download one; the system
 * properties {@code tidbcloud.test.chromium} and {@code webdriver.chrome.driver} name others.
 *
 * <pre>{@code
 * try (Browser browser = Browser.start()) {
 *     browser.open(url);
 *     browser.click(By.id("social-google"));
 *     browser.awaitText("Device Login Successful");
 * }
 * }</pre>
 */
public final class Browser implements AutoCloseable {

    private static final String CHROMIUM = System.getProperty("tidbcloud.test.chromium", "/usr/bin/chromium");
    private static final String CHROMEDRIVER = System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver");
    private static final Duration PAGE_LOAD = Duration.ofSeconds(60);
    private static final Duration CLICKABLE = Duration.ofSeconds(20);
    private static final Duration SHOWN = Duration.ofSeconds(30);

    /** Relative to the working directory, which Surefire sets to the module's directory. */
    private static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final Path profile;
    private final ChromeDriverService service;
    private final WebDriver driver;
    private final WebDriverWait clickable;

    private Browser(Path profile, ChromeDriverService service, WebDriver driver) {
        this.profile = profile;
        this.service = service;
        this.driver = driver;
        // While a posted form's answer replaces the document, chromedriver may report an element it
        // has just found as "not belonging to the document" (a plain WebDriverException, not a stale
        // element): look again until the new page holds it.
        this.clickable = new WebDriverWait(driver, CLICKABLE);
        this.clickable.ignoring(WebDriverException.class);
    }

    public static Browser start() throws IOException {
        Path profile = Files.createTempDirectory("chromium-profile-");
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
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(CHROMEDRIVER).toFile())
                .usingAnyFreePort()
                .build();
        try {
            service.start();
            // Plain WebDriver, not ChromeDriver: ChromeDriver also opens a DevTools (CDP) websocket at
            // start, which these tests never use; when Chromium stalls that handshake, Selenium waits its
            // 180 s read timeout before it goes on (seen: a 204 s test).
            WebDriver driver = new RemoteWebDriver(service.getUrl(), options);
            driver.manage().timeouts().pageLoadTimeout(PAGE_LOAD);
            return new Browser(profile, service, driver);
        } catch (IOException | RuntimeException e) {
            service.stop();
            deleteRecursively(profile);
            throw e;
        }
    }

    /** Selenium's driver, for what the methods here do not cover. */
    public WebDriver driver() {
        return driver;
    }

    public void open(String url) {
        driver.get(url);
    }

    /** The element once it is clickable; fails after 20 seconds. */
    public WebElement await(By locator) {
        return clickable.until(ExpectedConditions.elementToBeClickable(locator));
    }

    public void click(By locator) {
        await(locator).click();
    }

    /** Clicks a button that submits its form, and waits until the browser has left that page. */
    public void submit(By locator) {
        WebElement button = await(locator);
        button.click();
        new WebDriverWait(driver, SHOWN).until(d -> hasLeftThePage(button));
    }

    /**
     * Whether the element's page has been replaced. Selenium's {@code stalenessOf} waits for a
     * {@code StaleElementReferenceException} only; while the next page is loading chromedriver may
     * answer a plain WebDriverException ("Node with given id does not belong to the document"),
     * which says the same: the element is no longer in the current document.
     */
    private static boolean hasLeftThePage(WebElement element) {
        try {
            element.isEnabled();
            return false;
        } catch (WebDriverException gone) {
            return true;
        }
    }

    /** Replaces the field's text. */
    public void type(By locator, String text) {
        WebElement field = await(locator);
        field.clear();
        field.sendKeys(text);
    }

    /** Whether the page has such an element now, without waiting. */
    public boolean isPresent(By locator) {
        return !driver.findElements(locator).isEmpty();
    }

    /** The text the page shows. */
    public String pageText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String currentUrl() {
        return driver.getCurrentUrl();
    }

    /**
     * A wait of {@link #SHOWN} that reads the page again after an error of the driver's: a page being
     * replaced (a form's answer, a redirect) makes the body it reads stale or "not in the document".
     */
    private WebDriverWait shown() {
        WebDriverWait wait = new WebDriverWait(driver, SHOWN);
        wait.ignoring(WebDriverException.class);
        return wait;
    }

    /** Waits until the page shows the text, and says what it showed instead when it never does. */
    public void awaitText(String text) {
        try {
            shown().until(d -> pageText().contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "page " + currentUrl() + " never showed '" + text + "'; it shows:\n" + pageText(), e);
        }
    }

    /** Waits until the element is clickable or the page shows the text, whichever comes first. */
    public void awaitEither(By locator, String text) {
        try {
            shown().until(d -> ExpectedConditions.elementToBeClickable(locator).apply(d) != null
                    || pageText().contains(text));
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "page " + currentUrl() + " showed neither " + locator + " nor '" + text + "'; it shows:\n"
                            + pageText(),
                    e);
        }
    }

    /**
     * Keeps a screenshot as {@code target/screenshots/<name>.png} of the module under test, so that
     * a failed browser test can be looked at.
     */
    public void screenshot(String name) {
        try {
            Path dir = Files.createDirectories(SCREENSHOTS.toAbsolutePath());
            Files.write(dir.resolve(name + ".png"), ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException | RuntimeException ignored) {
            // a missing screenshot must not hide the test's own failure
        }
    }

    /** Quits Chromium and chromedriver and deletes the profile. */
    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try {
                service.stop();
            } finally {
                deleteRecursively(profile);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
        } catch (IOException | UncheckedIOException ignored) {
            // a profile left in the temporary directory costs only disk; it must not hide the test's failure
        }
    }
}

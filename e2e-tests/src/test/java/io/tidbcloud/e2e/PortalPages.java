package io.tidbcloud.e2e;

import io.tidbcloud.testsupport.Browser;
import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** What a person does in the web portal's pages, by the names ARCHITECTURE.md fixes for them. */
final class PortalPages {

    private final Browser browser;
    private final String portalUrl;

    PortalPages(Browser browser, String portalUrl) {
        this.browser = browser;
        this.portalUrl = portalUrl;
    }

    /** "Continue with ..." on the home page, the provider's form, back home signed in. */
    void signIn(String idp, String username, String password) {
        browser.open(portalUrl + "/");
        browser.click(By.id("signin-" + idp));
        new SignInPages(browser).signInUpstream(username, password);
        browser.await(By.id("user-email"));
    }

    void open(String path) {
        browser.open(portalUrl + path);
    }

    /** The element of one listed thing, e.g. {@code [data-client-id=ticloud-cli]}; empty if not listed. */
    List<WebElement> listed(String attribute, String value) {
        return browser.driver().findElements(By.cssSelector("[" + attribute + "='" + value + "']"));
    }

    /** Clicks the button {@code name} inside the listed thing, then {@code confirm} on the confirmation page. */
    void clickThenConfirm(String attribute, String value, String button) {
        settle();
        browser.submit(By.cssSelector("[" + attribute + "='" + value + "'] button[name='" + button + "']"));
        browser.await(By.cssSelector("button[name=confirm]"));
    }

    void confirm() {
        settle();
        browser.submit(By.cssSelector("button[name=confirm]"));
    }

    /**
     * Waits until the page that a form post led to has loaded: chromedriver may otherwise find a
     * button in the document being replaced ("Node with given id does not belong to the document").
     */
    void settle() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(d -> "complete".equals(((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    /**
     * Keeps the whole page, {@code width} pixels wide, as {@code target/screenshots/portal-<name>.png}
     * (the README's pictures are copied from there into web-portal/docs/).
     */
    void screenshot(String name, int width) {
        Dimension before = browser.driver().manage().window().getSize();
        try {
            browser.driver().manage().window().setSize(new Dimension(width, 900));
            Number height = (Number) ((JavascriptExecutor) browser.driver())
                    .executeScript("return document.documentElement.scrollHeight");
            browser.driver().manage().window().setSize(new Dimension(width, Math.min(3000, height.intValue() + 140)));
            browser.screenshot("portal-" + name);
        } finally {
            browser.driver().manage().window().setSize(before);
        }
    }
}

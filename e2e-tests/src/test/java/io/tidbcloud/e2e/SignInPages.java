package io.tidbcloud.e2e;

import io.tidbcloud.testsupport.Browser;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * What a person does in Keycloak's pages, by the element names ARCHITECTURE.md fixes:
 * the provider buttons, the stand-in upstream login form, and the consent steps.
 */
final class SignInPages {

    private static final By GRANT_SCOPE = By.cssSelector("input[type=checkbox][name=grant_scope]");

    private final Browser browser;

    SignInPages(Browser browser) {
        this.browser = browser;
    }

    /** At the `tidbcloud` login page: continue with a provider and sign in there. */
    void signInWith(String idp, String username, String password) {
        browser.click(By.id("social-" + idp));
        signInUpstream(username, password);
    }

    /** At a stand-in provider's own form (google-dev, microsoft-dev): username and password. */
    void signInUpstream(String username, String password) {
        browser.type(By.id("username"), username);
        browser.type(By.id("password"), password);
        browser.click(By.id("kc-login"));
    }

    /** The stand-in realm whose login form the browser shows now, e.g. {@code microsoft-dev}. */
    String upstreamRealm() {
        browser.await(By.id("username"));
        String url = browser.currentUrl();
        int start = url.indexOf("/realms/") + "/realms/".length();
        return url.substring(start, url.indexOf('/', start));
    }

    /** The device confirmation (RFC 8628 section 5.4): the user code it shows, once it shows. */
    String deviceConfirmationCode() {
        return browser.await(By.id("device-user-code")).getText();
    }

    /** At the device confirmation: the code matches, go on. */
    void confirmDevice() {
        browser.submit(By.name("confirm"));
    }

    /** At the device confirmation: the code does not match, deny the device. */
    void cancelDevice() {
        browser.submit(By.name("cancel"));
    }

    /** At the scope selection: each offered scope and whether it is ticked. */
    Map<String, Boolean> offeredScopes() {
        browser.await(By.id("scope-accept"));
        Map<String, Boolean> offered = new LinkedHashMap<>();
        for (WebElement box : browser.driver().findElements(GRANT_SCOPE)) {
            offered.put(box.getAttribute("value"), box.isSelected());
        }
        return offered;
    }

    /** At the scope selection: unticks every offered scope not in {@code keep}, then accepts. */
    void chooseScopes(Collection<String> keep) {
        browser.await(By.id("scope-accept"));
        for (WebElement box : browser.driver().findElements(GRANT_SCOPE)) {
            if (box.isSelected() != keep.contains(box.getAttribute("value"))) {
                box.click();
            }
        }
        browser.submit(By.name("accept"));
    }

    /** At the scope selection: denies. */
    void cancelScopes() {
        browser.await(By.id("scope-accept"));
        browser.submit(By.name("cancel"));
    }

    /** Whether the browser shows Keycloak's final confirmation now. */
    boolean atFinalConfirmation() {
        return browser.isPresent(By.id("kc-oauth"));
    }

    /** At Keycloak's final confirmation (its consent form): the text it shows, once it shows. */
    String finalConfirmationText() {
        browser.await(By.id("kc-oauth"));
        return browser.pageText();
    }

    /** At Keycloak's final confirmation: yes. */
    void acceptFinal() {
        browser.await(By.id("kc-oauth"));
        browser.submit(By.name("accept"));
    }

    /**
     * After sign-in and any device confirmation: keeps every offered scope if the scope selection
     * shows (it does not when the person's stored consent covers the request), then says yes at
     * Keycloak's final confirmation.
     */
    void acceptConsent() {
        new WebDriverWait(browser.driver(), Duration.ofSeconds(30))
                .until(page -> browser.isPresent(By.id("scope-accept")) || atFinalConfirmation());
        if (browser.isPresent(By.id("scope-accept"))) {
            chooseScopes(offeredScopes().keySet());
        }
        acceptFinal();
    }

    /** Declines at the first step after sign-in: the device confirmation's or the scope selection's cancel. */
    void declineConsent() {
        browser.submit(By.name("cancel"));
    }

    /** Opens a device verification link, signs in, confirms the code and approves every scope. */
    void approveDevice(String verificationUriComplete, String idp, String username, String password) {
        browser.open(verificationUriComplete);
        signInWith(idp, username, password);
        confirmDevice();
        acceptConsent();
    }
}

package io.tidbcloud.e2e;

import io.tidbcloud.testsupport.Browser;
import org.openqa.selenium.By;

/**
 * What a person does in Keycloak's pages, by the element names ARCHITECTURE.md fixes:
 * the provider buttons, the stand-in upstream login form, and the consent steps.
 */
final class SignInPages {

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

    /**
     * Approves every consent step that follows (scope selection, then Keycloak's confirmation).
     * Keycloak skips the step when the person's stored consent already covers every requested scope
     * (seen once in about six runs for alice, who earlier test classes signed in to ticloud-cli), so
     * this waits for either the step or the end of the device sign-in; callers assert the outcome.
     */
    void acceptConsent() {
        browser.awaitEither(By.name("accept"), "Device Login Successful");
        while (browser.isPresent(By.name("accept"))) {
            browser.click(By.name("accept"));
        }
    }

    /** Declines at the first consent step ("No"). */
    void declineConsent() {
        browser.click(By.name("cancel"));
    }

    /** Opens a device verification link, signs in and approves the device. */
    void approveDevice(String verificationUriComplete, String idp, String username, String password) {
        browser.open(verificationUriComplete);
        signInWith(idp, username, password);
        acceptConsent();
    }
}

package io.tidbcloud.portal;

import io.tidbcloud.testsupport.Browser;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Signs a person in to the portal through "Continue with ..." and the stand-in provider's form. */
public final class PortalSignIn {

    private PortalSignIn() {}

    public static void signIn(Browser browser, String home, String provider, String username, String password) {
        browser.open(home);
        browser.click(By.id("signin-" + provider));
        By chooser = By.id("social-" + provider);
        new WebDriverWait(browser.driver(), Duration.ofSeconds(60))
                .until(d -> !d.findElements(chooser).isEmpty()
                        || !d.findElements(By.name("username")).isEmpty());
        if (browser.isPresent(chooser)) {
            browser.click(chooser);
        }
        browser.type(By.name("username"), username);
        browser.type(By.name("password"), password);
        browser.click(By.id("kc-login"));
        browser.await(By.id("user-email"));
    }
}

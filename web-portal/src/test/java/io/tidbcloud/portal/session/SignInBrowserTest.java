package io.tidbcloud.portal.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.KeycloakAdmin;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The home page in a real browser against the real test Keycloak: "Continue with Google" crosses
 * the federation hop to the google-dev stand-in (and "Continue with Microsoft" to microsoft-dev) and
 * comes back signed in.
 */
@QuarkusTest
class SignInBrowserTest {

    private static final Duration PATIENCE = Duration.ofSeconds(60);

    @TestHTTPResource("/")
    URL home;

    private Browser browser;
    private WebDriver driver;

    @BeforeEach
    void openBrowser() throws Exception {
        browser = Browser.start();
        driver = browser.driver();
    }

    @AfterEach
    void closeBrowser() throws Exception {
        if (browser != null) {
            browser.close();
        }
    }

    @Test
    void anonymousVisitorSeesProductNameAndBothSignInButtons() {
        driver.get(home.toString());

        assertTrue(driver.findElement(By.tagName("h1")).getText().contains("TiDB Cloud"));
        assertEquals(
                "Continue with Google",
                driver.findElement(By.id("signin-google")).getText());
        assertEquals(
                "Continue with Microsoft",
                driver.findElement(By.id("signin-microsoft")).getText());
        assertTrue(driver.findElements(By.id("signout")).isEmpty(), "a visitor has no sign-out button");
    }

    @Test
    void continueWithGoogleSignsAliceInAndShowsHerEmailOnTheHomePage() {
        signInAsAliceWithGoogle();

        assertEquals(home.getHost() + ":" + home.getPort(), hostAndPort(driver.getCurrentUrl()));
        assertEquals("/", path(driver.getCurrentUrl()), "the person lands back on the home page");
        assertEquals(
                "alice@example.com", driver.findElement(By.id("user-email")).getText());
        assertTrue(driver.findElement(By.id("account")).getText().contains("Signed in as alice@example.com"));
        assertTrue(driver.findElements(By.id("signin-google")).isEmpty(), "signed in: no sign-in buttons");
    }

    @Test
    void signOutEndsTheKeycloakSessionAndShowsTheSignInButtonsAgain() {
        signInAsAliceWithGoogle();

        driver.findElement(By.id("signout")).click();

        WebElement google = waitFor(By.id("signin-google"));
        assertEquals("Continue with Google", google.getText());
        assertEquals("/", path(driver.getCurrentUrl()), "Keycloak's logout returns to the home page");
        assertTrue(driver.findElements(By.id("user-email")).isEmpty(), "signed out: no email shown");

        // The Keycloak session is gone too: signing in again asks for the password again.
        google.click();
        waitFor(By.name("username"));
    }

    @Test
    void continueWithMicrosoftSignsBobInAndShowsHisEmail() {
        driver.get(home.toString());
        driver.findElement(By.id("signin-microsoft")).click();
        signInAtStandIn("microsoft", "bob", "bob-pass");

        assertEquals("bob@contoso.example", waitFor(By.id("user-email")).getText());
    }

    /**
     * Keycloak rotates its signing key twice within minutes (a new key, then another) after the
     * portal has verified a sign-in with the old one: after each rotation the ID token carries a key
     * id the portal has not seen, and the sign-in must still succeed. (quarkus-oidc fetches the keys
     * again for an unknown key id at most once per 10 minutes; past that the portal falls back to
     * asking Keycloak about the token, which the cloud API, verifying locally only, cannot do: see
     * its SigningKeyRotationApiTest.)
     */
    @Test
    void aPersonSignsInBeforeAndAfterEachOfTwoSigningKeyRotations() throws Exception {
        try (KeycloakAdmin admin = KeycloakAdmin.fromEnvironment()) {
            for (String rotation : List.of("before any rotation", "portal-rotation-1", "portal-rotation-2")) {
                if (rotation.startsWith("portal-")) {
                    admin.addSigningKey(rotation);
                    browser.close();
                    browser = Browser.start();
                    driver = browser.driver();
                }

                signInAsAliceWithGoogle();

                assertEquals(
                        "alice@example.com",
                        driver.findElement(By.id("user-email")).getText(),
                        rotation);
            }
        }
    }

    private void signInAsAliceWithGoogle() {
        driver.get(home.toString());
        driver.findElement(By.id("signin-google")).click();
        signInAtStandIn("google", "alice", "alice-pass");
        waitFor(By.id("user-email"));
    }

    /**
     * Keycloak may show its provider chooser (when the hint is lost) and always shows the stand-in's
     * login form; anything else between the portal and the stand-in is a failure worth seeing.
     */
    private void signInAtStandIn(String provider, String username, String password) {
        By providerButton = By.id("social-" + provider);
        new WebDriverWait(driver, PATIENCE)
                .until(d -> !d.findElements(providerButton).isEmpty()
                        || !d.findElements(By.name("username")).isEmpty());
        List<WebElement> chooser = driver.findElements(providerButton);
        if (!chooser.isEmpty()) {
            chooser.get(0).click();
        }
        waitFor(By.name("username")).sendKeys(username);
        driver.findElement(By.name("password")).sendKeys(password);
        driver.findElement(By.id("kc-login")).click();
    }

    private WebElement waitFor(By locator) {
        try {
            return new WebDriverWait(driver, PATIENCE).until(d -> d.findElement(locator));
        } catch (RuntimeException e) {
            throw new AssertionError(
                    "waited for " + locator + " on " + driver.getCurrentUrl() + ":\n"
                            + driver.findElement(By.tagName("body")).getText(),
                    e);
        }
    }

    private static String hostAndPort(String url) {
        URL parsed = toUrl(url);
        return parsed.getHost() + ":" + parsed.getPort();
    }

    private static String path(String url) {
        return toUrl(url).getPath();
    }

    private static URL toUrl(String url) {
        try {
            return URI.create(url).toURL();
        } catch (MalformedURLException e) {
            throw new IllegalArgumentException(url, e);
        }
    }
}

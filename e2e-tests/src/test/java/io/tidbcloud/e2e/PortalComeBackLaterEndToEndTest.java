package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.KeycloakAdmin;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A person leaves the portal open and comes back after their access token has expired: the next
 * page refreshes it first (quarkus-oidc, with the refresh token) and works, instead of sending the
 * expired token to auth-service and the cloud API, which refuse it. The portal's access tokens
 * live 70 seconds here instead of the realm's 5 minutes, so that the test waits only that long.
 */
class PortalComeBackLaterEndToEndTest {

    @RegisterExtension
    static final PortalStack stack = new PortalStack();

    private static final Duration PORTAL_TOKEN_LIFESPAN = Duration.ofSeconds(70);

    @Test
    void pagesWorkAfterThePortalsAccessTokenExpired() throws Exception {
        KeycloakAdmin admin = stack.services().admin();
        admin.setAccessTokenLifespan("web-portal", PORTAL_TOKEN_LIFESPAN);
        try (Browser browser = Browser.start()) {
            PortalPages portal = new PortalPages(browser, stack.portalUrl());
            portal.signIn("google", "carol", "carol-pass");
            portal.open("/sessions");
            assertThat(browser.pageText()).contains("This browser");

            Thread.sleep(PORTAL_TOKEN_LIFESPAN.plusSeconds(5).toMillis());

            // auth-service: the person's sessions, with the same browser marked current
            portal.open("/sessions");
            assertThat(browser.pageText()).contains("This browser").doesNotContain("unavailable");
            // the cloud API: the person's projects
            portal.open("/projects");
            assertThat(browser.pageText()).contains("default").doesNotContain("unavailable");
        } finally {
            admin.setAccessTokenLifespan("web-portal", null);
        }
    }
}

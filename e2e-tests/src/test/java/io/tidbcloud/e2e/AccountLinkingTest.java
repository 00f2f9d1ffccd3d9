package io.tidbcloud.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tidbcloud.testsupport.Browser;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * carol@example.com exists at both stand-ins. Signing in through microsoft with the email that
 * google already brought must not link silently: the second provider is added only after carol
 * proves the first account by signing in through google again; afterwards both providers lead to
 * the same user, with the same {@code sub}.
 */
class AccountLinkingTest {

    private static final String CAROL = "carol@example.com";

    private final RealmAdmin admin = new RealmAdmin();
    private CodeFlowTestClient client;

    @BeforeEach
    void startFromNoCarol() throws Exception {
        admin.deleteUserByEmail(CAROL);
        client = new CodeFlowTestClient(admin);
    }

    @AfterEach
    void removeCarolAndClient() {
        if (client != null) {
            client.close();
        }
        admin.deleteUserByEmail(CAROL);
    }

    @Test
    void secondProviderWithKnownEmailIsLinkedOnlyAfterReauthenticationThroughFirst() throws Exception {
        String firstSub;
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            browser.open(client.authorizationUrl(null));
            pages.signInWith("google", "carol", "carol-pass");
            JsonNode tokens = client.awaitTokens();
            JsonNode idToken = CodeFlowTestClient.claims(tokens.path("id_token").asText());
            assertThat(idToken.path("email").asText()).isEqualTo(CAROL);
            firstSub = idToken.path("sub").asText();
        }
        String userId = admin.userByEmail(CAROL).orElseThrow().path("id").asText();
        assertThat(admin.linkedProviders(userId)).containsExactly("google");

        // A new browser (no Keycloak session), the other provider, the same email.
        try (Browser browser = Browser.start()) {
            SignInPages pages = new SignInPages(browser);
            try {
                browser.open(client.authorizationUrl(null));
                pages.signInWith("microsoft", "carol", "carol-pass");

                browser.awaitText("You already have a TiDB Cloud account");
                assertThat(browser.pageText())
                        .contains("A TiDB Cloud account with email " + CAROL + " already exists")
                        .contains("first prove that the account is yours");
                assertThat(browser.isPresent(By.id("updateProfile")))
                        .as("no review-profile detour")
                        .isFalse();
                assertThat(admin.linkedProviders(userId))
                        .as("nothing linked at the question")
                        .containsExactly("google");
                browser.click(By.id("linkAccount"));

                browser.awaitText("Sign in with the provider you used before to link Microsoft");
                assertThat(browser.isPresent(By.id("social-google"))).isTrue();
                assertThat(browser.isPresent(By.id("social-microsoft")))
                        .as("only the already linked provider proves it")
                        .isFalse();
                assertThat(browser.isPresent(By.cssSelector("input[type=password]")))
                        .isFalse();
                assertThat(admin.linkedProviders(userId))
                        .as("nothing linked before the proof")
                        .containsExactly("google");
                browser.screenshot("account-linking-reauthenticate");

                browser.click(By.id("social-google"));
                assertThat(pages.upstreamRealm()).isEqualTo("google-dev");
                pages.signInUpstream("carol", "carol-pass");
                JsonNode idToken = CodeFlowTestClient.claims(
                        client.awaitTokens().path("id_token").asText());
                assertThat(idToken.path("sub").asText()).isEqualTo(firstSub);
            } finally {
                browser.screenshot("account-linking-done");
            }
        }
        assertThat(admin.linkedProviders(userId)).containsExactly("google", "microsoft");

        // From now on microsoft alone signs carol in, as the same user, without any question.
        try (Browser browser = Browser.start()) {
            browser.open(client.authorizationUrl("microsoft"));
            new SignInPages(browser).signInUpstream("carol", "carol-pass");
            JsonNode idToken = CodeFlowTestClient.claims(
                    client.awaitTokens().path("id_token").asText());
            assertThat(idToken.path("sub").asText()).isEqualTo(firstSub);
        }
    }
}

package io.tidbcloud.testsupport;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import org.junit.jupiter.api.Test;

/** The PKCE pair and the redirect's parameters that the test clients share. */
class PkceTest {

    @Test
    void theChallengeOfRfc7636AppendixBsVerifierIsItsS256Challenge() {
        Pkce pkce = Pkce.of("dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
        assertThat(pkce.challenge()).isEqualTo("E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM");
        assertThat(pkce.authorizationParameters())
                .isEqualTo("&code_challenge=E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM&code_challenge_method=S256");
        assertThat(pkce.tokenParameters()).isEqualTo("&code_verifier=dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk");
    }

    @Test
    void aFreshVerifierIs43Base64UrlCharactersAndNeverRepeats() {
        Pkce one = Pkce.create();
        assertThat(one.verifier()).matches("[A-Za-z0-9_-]{43}");
        assertThat(one).isEqualTo(Pkce.of(one.verifier()));
        assertThat(Pkce.create().verifier()).isNotEqualTo(one.verifier());
    }

    @Test
    void theRedirectsParametersAreDecodedAndTheFirstOfARepeatedNameCounts() {
        assertThat(RedirectQuery.of(URI.create("http://127.0.0.1:1/callback?code=a%2Fb.c&state=s+1&state=x&flag")))
                .containsExactly(java.util.Map.entry("code", "a/b.c"), java.util.Map.entry("state", "s 1"));
        assertThat(RedirectQuery.of(URI.create("http://127.0.0.1:1/callback"))).isEmpty();
        assertThat(RedirectQuery.parse("error=access_denied&error_description=The%20user%20said%20no"))
                .containsEntry("error", "access_denied")
                .containsEntry("error_description", "The user said no");
    }
}

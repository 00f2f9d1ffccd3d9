package io.tidbcloud.auth.portal;

import io.tidbcloud.testsupport.Browser;
import io.tidbcloud.testsupport.PortalSignIn;
import java.util.HashMap;
import java.util.Map;

/**
 * The portal's access tokens of alice and carol (stand-in Google accounts), each from one real
 * browser sign-in, kept for the test classes of this run while they have minutes left.
 */
public final class PortalPeople {

    private record Held(PortalSignIn.Tokens tokens, long signedInAt) {}

    private static final long REUSE_MILLIS = 3 * 60_000;
    private static final Map<String, Held> HELD = new HashMap<>();

    private PortalPeople() {}

    public static synchronized String alice() throws Exception {
        return token("alice", "alice-pass");
    }

    public static synchronized String carol() throws Exception {
        return token("carol", "carol-pass");
    }

    private static String token(String user, String password) throws Exception {
        Held held = HELD.get(user);
        if (held == null || System.currentTimeMillis() - held.signedInAt() > REUSE_MILLIS) {
            try (Browser browser = Browser.start()) {
                held = new Held(PortalSignIn.signIn(browser, "google", user, password), System.currentTimeMillis());
            }
            HELD.put(user, held);
        }
        return held.tokens().accessToken();
    }
}

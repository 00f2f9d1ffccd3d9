package io.tidbcloud.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Secret Service vault against a real keyring. Runs only where one is
 * reachable (a D-Bus session with gnome-keyring or KWallet, and secret-tool);
 * CI here has none, so there it is skipped, not faked. By hand:
 * {@code dbus-run-session -- sh -c 'echo pw | gnome-keyring-daemon --unlock --components=secrets;
 * ./mvnw -pl cli test -Dtest=SecretServiceKeyringTest'}.
 */
class SecretServiceKeyringTest {

    @TempDir
    Path configDir;

    @Test
    void tokensRoundTripThroughTheKeyringAndNeverTouchTheFile() throws Exception {
        Optional<SecretServiceKeyring> keyring = SecretServiceKeyring.reachable(configDir, System.getenv());
        assumeTrue(keyring.isPresent(), "no Secret Service keyring reachable");
        CredentialStore store = CredentialStore.open(configDir, System.getenv());
        Credentials credentials = new Credentials(
                "http://localhost:8180/realms/tidbcloud",
                "ticloud-cli",
                "at-1",
                "rt-1",
                null,
                1_799_999_700L,
                1_800_000_000L,
                "openid project:read",
                "alice@example.com");

        store.save("default", credentials);

        assertEquals("the OS keyring (Secret Service)", store.location());
        assertEquals(Optional.of(credentials), store.load("default"));
        assertEquals(Optional.empty(), store.load("other"));
        assertFalse(Files.exists(configDir.resolve(CredentialStore.FILE_NAME)));
        assertTrue(store.delete("default"));
        assertEquals(Optional.empty(), store.load("default"));
    }

    @Test
    void withoutASessionBusTheFileIsUsed() {
        CredentialStore store = CredentialStore.open(configDir, Map.of("PATH", "/usr/bin:/bin"));

        assertEquals(configDir.resolve(CredentialStore.FILE_NAME).toString(), store.location());
    }
}

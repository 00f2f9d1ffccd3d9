package io.tidbcloud.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.tidbcloud.cli.CliException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialsJsonTest {

    @TempDir
    Path tempDir;

    private static final Credentials FULL = new Credentials(
            "http://localhost:8180/realms/tidbcloud",
            "ticloud-cli",
            "at",
            "rt",
            "idt",
            1_767_225_600L,
            1_767_225_900L,
            "openid project:read",
            "alice@example.com");
    private static final Credentials WITHOUT_REFRESH = new Credentials(
            "http://localhost:8180/realms/tidbcloud", "ticloud-cli", "at", null, null, 0L, 5L, null, null);

    @Test
    void theFileListsProfilesByNameWithFieldsInRecordOrderAndNoNulls() throws Exception {
        Map<String, Credentials> entries = Map.of("work", FULL, "default", WITHOUT_REFRESH);

        String written = new String(CredentialsJson.writeEntries(entries), StandardCharsets.UTF_8);

        // The layout files written by earlier ticloud versions have: existing files stay readable and diffable.
        // An issue time is written when known ("work"); files from before it was stored ("default") read as unknown.
        assertEquals("""
                {
                  "default" : {
                    "oauth_endpoint" : "http://localhost:8180/realms/tidbcloud",
                    "client_id" : "ticloud-cli",
                    "access_token" : "at",
                    "expires_at" : 5
                  },
                  "work" : {
                    "oauth_endpoint" : "http://localhost:8180/realms/tidbcloud",
                    "client_id" : "ticloud-cli",
                    "access_token" : "at",
                    "refresh_token" : "rt",
                    "id_token" : "idt",
                    "issued_at" : 1767225600,
                    "expires_at" : 1767225900,
                    "scope" : "openid project:read",
                    "email" : "alice@example.com"
                  }
                }""", written);
        assertEquals(new TreeMap<>(entries), CredentialsJson.readEntries(written.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void theKeyringSecretIsOneEntryOnOneLine() throws Exception {
        String secret = CredentialsJson.write(WITHOUT_REFRESH);

        assertEquals(
                "{\"oauth_endpoint\":\"http://localhost:8180/realms/tidbcloud\",\"client_id\":\"ticloud-cli\","
                        + "\"access_token\":\"at\",\"expires_at\":5}",
                secret);
        assertEquals(WITHOUT_REFRESH, CredentialsJson.read(secret));
    }

    @Test
    void unknownFieldsAreIgnoredAndScalarsCoerced() throws Exception {
        Credentials read = CredentialsJson.read("""
                {"oauth_endpoint": "http://k/realms/r", "client_id": "c", "access_token": 42,
                 "expires_at": "1767225900", "added_later": {"x": 1}, "scope": null}""");

        assertEquals(new Credentials("http://k/realms/r", "c", "42", null, null, 0L, 1_767_225_900L, null, null), read);
    }

    @Test
    void aFileThatIsNotCredentialsIsRefusedWithAMessageNotAStackTrace() throws Exception {
        Path dir = tempDir.resolve(".ticloud");
        CredentialStore store = new CredentialStore(dir);
        store.save("default", FULL);

        for (String broken : new String[] {
            "[1, 2]",
            "{\"default\": {\"expires_at\": \"soon\"}}",
            "{\"default\": {\"access_token\": [\"a\"]}}",
            "{\"default\": 7}",
            "{not json"
        }) {
            Files.writeString(store.file(), broken);
            CliException refused = assertThrows(CliException.class, () -> store.load("default"), broken);
            assertEquals(
                    "Cannot read " + store.file() + " (delete it and run `ticloud auth login`).", refused.getMessage());
        }
    }

    @Test
    void anEmptyFileOrANullProfileMeansNotSignedIn() throws Exception {
        CredentialStore store = new CredentialStore(tempDir);
        Files.writeString(store.file(), "");
        assertEquals(Optional.empty(), store.load("default"));

        Files.writeString(store.file(), "{\"default\": null}");
        assertEquals(Optional.empty(), store.load("default"));
    }
}

package io.tidbcloud.cli.credentials;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CredentialStoreTest {

    @TempDir
    Path tempDir;

    private static Credentials credentials(String accessToken) {
        return new Credentials(
                "http://localhost:8180/realms/tidbcloud",
                "ticloud-cli",
                accessToken,
                "rt",
                "id",
                1_767_225_600L,
                1_767_225_900L,
                "openid project:read",
                "alice@example.com");
    }

    private static String permissions(Path path) throws Exception {
        return PosixFilePermissions.toString(Files.getPosixFilePermissions(path));
    }

    @Test
    void savingCreatesAnOwnerOnlyDirectoryAndFile() throws Exception {
        Path dir = tempDir.resolve("nested/.ticloud");
        CredentialStore store = new CredentialStore(dir);

        store.save("default", credentials("at-1"));

        assertEquals("rwx------", permissions(dir));
        assertEquals("rw-------", permissions(store.file()));
        assertEquals(Optional.of(credentials("at-1")), store.load("default"));
    }

    @Test
    void anExistingDirectoryOpenToOthersIsTightened() throws Exception {
        Path dir = Files.createDirectory(
                tempDir.resolve(".ticloud"),
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));

        new CredentialStore(dir).save("default", credentials("at-1"));

        assertEquals("rwx------", permissions(dir));
    }

    @Test
    void rewritingReplacesTheFileAtomicallyAndLeavesNoTemporaryFile() throws Exception {
        CredentialStore store = new CredentialStore(tempDir);
        store.save("default", credentials("at-1"));
        Files.setPosixFilePermissions(store.file(), PosixFilePermissions.fromString("rw-r--r--"));

        store.save("default", credentials("at-2"));

        assertEquals("at-2", store.load("default").orElseThrow().accessToken());
        assertEquals("rw-------", permissions(store.file()));
        try (Stream<Path> files = Files.list(tempDir)) {
            assertEquals(List.of(store.file()), files.toList());
        }
    }

    @Test
    void profilesAreStoredSideBySideAndDeletedOneByOne() throws Exception {
        CredentialStore store = new CredentialStore(tempDir);
        store.save("default", credentials("at-default"));
        store.save("staging", credentials("at-staging"));

        assertTrue(store.delete("default"));

        assertEquals(Optional.empty(), store.load("default"));
        assertEquals("at-staging", store.load("staging").orElseThrow().accessToken());
        assertTrue(store.delete("staging"));
        assertFalse(Files.exists(store.file()));
        assertFalse(store.delete("staging"));
    }

    @Test
    void toStringNeverShowsTokens() {
        String text = credentials("secret-access").toString();

        assertFalse(text.contains("secret-access"), text);
        assertFalse(text.contains("rt"), text);
    }
}

package io.tidbcloud.testsupport;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Every token, secret and code the tests obtain, appended to one file so that {@code bin/dev test}
 * can grep every log of the run for them afterwards (no token, secret or code may ever be logged).
 * The file is {@code $TIDBCLOUD_ISSUED_SECRETS} ({@code bin/dev test} sets it), else
 * {@code target/issued-secrets} of the module under test. One line per value: its {@link Kind}, a
 * tab, the value; the check names the kind it finds, never the value.
 */
public final class IssuedSecrets {

    public enum Kind {
        ACCESS_TOKEN,
        REFRESH_TOKEN,
        ID_TOKEN,
        CLIENT_SECRET,
        AUTHORIZATION_CODE,
        DEVICE_CODE
    }

    /** Shorter values are too likely to occur in a log by chance; none of ours is this short. */
    private static final int SHORTEST = 16;

    private IssuedSecrets() {}

    public static void record(Kind kind, String value) {
        if (value == null || value.length() < SHORTEST || value.contains("\n")) {
            return;
        }
        byte[] line = (kind.name() + "\t" + value + "\n").getBytes(StandardCharsets.UTF_8);
        Path file = file();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            // Several JVMs may append at once (surefire forks, the e2e tests' helpers): lock the file.
            try (FileChannel out = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.WRITE, StandardOpenOption.APPEND);
                    FileLock ignored = out.lock()) {
                out.write(ByteBuffer.wrap(line));
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot record an issued secret in " + file, e);
        }
    }

    /** The tokens and the device code of a token or device-authorization endpoint's JSON answer. */
    public static void recordTokenResponse(JsonNode response) {
        record(Kind.ACCESS_TOKEN, response.path("access_token").asText(null));
        record(Kind.REFRESH_TOKEN, response.path("refresh_token").asText(null));
        record(Kind.ID_TOKEN, response.path("id_token").asText(null));
        record(Kind.DEVICE_CODE, response.path("device_code").asText(null));
    }

    static Path file() {
        String configured = System.getenv("TIDBCLOUD_ISSUED_SECRETS");
        return configured == null || configured.isBlank() ? Path.of("target", "issued-secrets") : Path.of(configured);
    }
}

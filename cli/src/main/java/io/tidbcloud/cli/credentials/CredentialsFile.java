package io.tidbcloud.cli.credentials;

import io.tidbcloud.cli.CliException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * {@code credentials.json}, 0600 in the 0700 config directory, one entry per
 * profile; every write replaces the file atomically ({@link SecureFiles}).
 */
public final class CredentialsFile implements TokenVault {

    private final Path file;

    public CredentialsFile(Path file) {
        this.file = file;
    }

    public Path file() {
        return file;
    }

    @Override
    public Optional<Credentials> load(String profile) {
        return Optional.ofNullable(readAll().get(profile));
    }

    @Override
    public void save(String profile, Credentials credentials) throws IOException {
        Map<String, Credentials> entries = readAll();
        entries.put(profile, credentials);
        SecureFiles.writePrivate(file, CredentialsJson.writeEntries(entries));
    }

    @Override
    public boolean delete(String profile) throws IOException {
        Map<String, Credentials> entries = readAll();
        if (entries.remove(profile) == null) {
            return false;
        }
        if (entries.isEmpty()) {
            Files.deleteIfExists(file);
        } else {
            SecureFiles.writePrivate(file, CredentialsJson.writeEntries(entries));
        }
        return true;
    }

    @Override
    public String location() {
        return file.toString();
    }

    private Map<String, Credentials> readAll() {
        try {
            byte[] content = Files.readAllBytes(file);
            if (content.length == 0) {
                return new TreeMap<>();
            }
            return CredentialsJson.readEntries(content);
        } catch (NoSuchFileException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            throw CliException.error("Cannot read " + file + " (delete it and run `ticloud auth login`).");
        }
    }
}

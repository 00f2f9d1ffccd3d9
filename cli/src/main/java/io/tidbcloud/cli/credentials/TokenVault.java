package io.tidbcloud.cli.credentials;

import java.io.IOException;
import java.util.Optional;

/** Where a profile's tokens are kept: the OS keyring or the credentials file. */
public interface TokenVault {

    Optional<Credentials> load(String profile) throws IOException;

    void save(String profile, Credentials credentials) throws IOException;

    /** Forgets the profile's tokens; true when there were any. */
    boolean delete(String profile) throws IOException;

    /** Where they are, in words: "the OS keyring (Secret Service)" or the file's path. */
    String location();
}

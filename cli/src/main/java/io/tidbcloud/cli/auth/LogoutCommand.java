package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.CliContext;
import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.Commands;
import io.tidbcloud.cli.config.Profile;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.credentials.Credentials;
import java.io.IOException;
import java.net.URI;
import java.util.Optional;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code ticloud auth logout}: revokes the refresh token (ending the session)
 * and the access token at the server that issued them (RFC 7009), then
 * forgets them. They are forgotten even when the server cannot be reached.
 */
public final class LogoutCommand {

    private final CliContext context;

    public LogoutCommand(CliContext context) {
        this.context = context;
    }

    static CommandSpec spec(CliContext context) {
        return Commands.command("logout", new LogoutCommand(context)::run)
                .description("Revoke your tokens at TiDB Cloud and remove them from this computer.")
                .build();
    }

    /** Logout has no options of its own. */
    public int run() throws Exception {
        Profile profile = context.profile();
        CredentialStore store = context.credentials();
        // Under the lock: a refresh running in another process must not store tokens after they were forgotten.
        Optional<String> failure = store.locked(() -> {
            Optional<Credentials> stored = store.load(profile.name());
            if (stored.isEmpty()) {
                return null;
            }
            Optional<String> revocationFailure = revoke(stored.get());
            store.delete(profile.name());
            return revocationFailure;
        });
        if (failure == null) {
            context.err().println("Not signed in.");
            return 0;
        }
        if (failure.isPresent()) {
            throw CliException.error("Signed out on this computer, but the revocation did not reach the server ("
                    + failure.get() + "): the tokens stay valid until they expire.");
        }
        context.err().println("Signed out.");
        return 0;
    }

    /** Revokes at the realm that issued the tokens; empty when both revocations succeeded. */
    private Optional<String> revoke(Credentials credentials) throws InterruptedException {
        String realm = credentials.oauthEndpoint();
        URI endpoint = OAuthEndpoints.ofRealm(
                        URI.create(realm.endsWith("/") ? realm.substring(0, realm.length() - 1) : realm))
                .revocation();
        TokenRevocation revocation =
                new TokenRevocation(new OAuthHttp(context.transport()), endpoint, credentials.clientId());
        try {
            if (credentials.refreshToken() != null) {
                revocation.revokeRefreshToken(credentials.refreshToken());
            }
            revocation.revokeAccessToken(credentials.accessToken());
            return Optional.empty();
        } catch (IOException e) {
            return Optional.of("cannot reach " + realm);
        } catch (OAuthProtocolException e) {
            return Optional.of(e.describe());
        }
    }
}

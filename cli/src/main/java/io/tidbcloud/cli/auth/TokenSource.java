package io.tidbcloud.cli.auth;

import io.tidbcloud.cli.CliException;
import io.tidbcloud.cli.ExitCode;
import io.tidbcloud.cli.config.Profile;
import io.tidbcloud.cli.credentials.CredentialStore;
import io.tidbcloud.cli.credentials.Credentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Hands out a valid access token for the profile: the stored one while it has
 * more than 30 seconds left, otherwise a refreshed one, whose rotated refresh
 * token is stored before it is used.
 */
public final class TokenSource {

    static final Duration REFRESH_MARGIN = Duration.ofSeconds(30);
    /** Used when a token response leaves out expires_in: short, so we refresh rather than fail. */
    static final Duration ASSUMED_LIFETIME = Duration.ofSeconds(60);

    private final CredentialStore store;
    private final Profile profile;
    private final TokenRefresh refresh;
    private final Clock clock;

    public TokenSource(CredentialStore store, Profile profile, TokenRefresh refresh, Clock clock) {
        this.store = store;
        this.profile = profile;
        this.refresh = refresh;
        this.clock = clock;
    }

    public String accessToken() throws IOException, InterruptedException {
        Credentials current = signedIn();
        if (clock.instant().plus(REFRESH_MARGIN).isBefore(current.accessTokenExpiry())) {
            return current.accessToken();
        }
        return refresh(current).accessToken();
    }

    /** After the API refused the token: refresh once regardless of its expiry. */
    public String refreshedAccessToken() throws IOException, InterruptedException {
        return refresh(signedIn()).accessToken();
    }

    private Credentials signedIn() {
        Credentials current = store.load(profile.name()).orElseThrow(CliException::notSignedIn);
        if (!profile.oauthEndpoint().equals(current.oauthEndpoint())) {
            // Never send tokens of one authorization server on behalf of another.
            throw new CliException(ExitCode.NOT_SIGNED_IN, "Not signed in at " + profile.oauthEndpoint()
                    + " (signed in at " + current.oauthEndpoint() + "): run `ticloud auth login`");
        }
        return current;
    }

    private Credentials refresh(Credentials current) throws IOException, InterruptedException {
        if (current.refreshToken() == null) {
            throw CliException.tokenRejected("Your access token expired and there is no refresh token");
        }
        IssuedTokens issued;
        try {
            issued = refresh.refresh(current.refreshToken());
        } catch (OAuthProtocolException e) {
            if ("invalid_grant".equals(e.error())) {
                throw CliException.tokenRejected("Your session has ended (" + e.describe() + ")");
            }
            throw CliException.error("Could not refresh the access token: " + e.describe());
        }
        Credentials refreshed = credentials(profile, issued, clock.instant(), current);
        store.save(profile.name(), refreshed);
        return refreshed;
    }

    /** The credentials to store for newly issued tokens; what the response leaves out is kept from before. */
    public static Credentials credentials(Profile profile, IssuedTokens issued, Instant now, Credentials previous) {
        Duration lifetime = issued.expiresIn() == null ? ASSUMED_LIFETIME : issued.expiresIn();
        String refreshToken = issued.refreshToken() != null ? issued.refreshToken()
                : previous == null ? null : previous.refreshToken();
        String idToken = issued.idToken() != null ? issued.idToken()
                : previous == null ? null : previous.idToken();
        String scope = issued.scope() != null ? issued.scope()
                : previous == null ? null : previous.scope();
        String email = IdTokenClaims.displayName(issued.idToken())
                .orElse(previous == null ? IdTokenClaims.displayName(issued.accessToken()).orElse(null)
                        : previous.email());
        return new Credentials(profile.oauthEndpoint(), profile.oauthClientId(), issued.accessToken(), refreshToken,
                idToken, now.plus(lifetime).getEpochSecond(), scope, email);
    }
}
